package cl.aula.demo;

import cl.aula.common.Run;
import cl.aula.directory.Course;
import cl.aula.directory.DirectoryRecords;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.Role;
import cl.aula.security.StaffAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo schools on a first start. Deterministic (a fixed seed), so the README, the tests
 * and the demo simulator can rely on the same students. The school year is laid around the day Aula
 * starts, so the demo works in January too.
 */
@Service
public class DemoData {

    public static final int DEMO_RBD = 24680;
    public static final int SECOND_RBD = 13579;
    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] GIVEN = {
        "Sofía", "Agustín", "Isidora", "Benjamín", "Emilia", "Mateo", "Florencia", "Vicente", "Josefa", "Tomás",
        "Martina", "Maximiliano", "Catalina", "Joaquín", "Antonella", "Lucas", "Trinidad", "Gaspar", "Amanda",
                "Cristóbal",
        "Valentina", "Matías", "Maite", "Bastián", "Ignacia", "Alonso", "Renata", "Facundo", "Julieta", "Santiago"
    };
    private static final String[] SURNAMES = {
        "González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda",
        "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza", "Valenzuela",
        "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro", "Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández"
    };
    private static final String[] FOREIGN_GIVEN = {"Wilson", "Daniela", "Jean", "Yuleisy", "Rosa", "Kevin"};
    private static final String[] FOREIGN_SURNAMES = {"Pierre", "Mendoza", "Quispe", "Rodríguez", "Gómez", "Joseph"};

    private final DirectoryRecords records;
    private final StaffAccounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment environment;
    private final String enabled;

    DemoData(
            DirectoryRecords records,
            StaffAccounts accounts,
            JdbcClient jdbc,
            Clock clock,
            Environment environment,
            @Value("${aula.demo.enabled:}") String enabled) {
        this.records = records;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.enabled = enabled;
    }

    /** Demo data is on by default with the embedded database only, never silently in a real installation. */
    public boolean isEnabled() {
        if (enabled == null || enabled.isBlank()) {
            String url = environment.getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
        return Boolean.parseBoolean(enabled.strip());
    }

    /** The demo year spans the previous and the next month at least, whatever the day of the year. */
    public static SchoolYearSpan yearAround(LocalDate today) {
        LocalDate march = LocalDate.of(today.getYear(), Month.MARCH, 1);
        LocalDate previousMonth = today.minusMonths(1).withDayOfMonth(1);
        LocalDate startsOn = previousMonth.isBefore(march) ? previousMonth : march;
        LocalDate december = LocalDate.of(today.getYear(), Month.DECEMBER, 20);
        LocalDate nextMonthEnd =
                today.plusMonths(1).withDayOfMonth(today.plusMonths(1).lengthOfMonth());
        LocalDate endsOn = nextMonthEnd.isAfter(december) ? nextMonthEnd : december;
        return new SchoolYearSpan(today.getYear(), startsOn, endsOn);
    }

    public record SchoolYearSpan(int year, LocalDate startsOn, LocalDate endsOn) {}

    /** What was loaded, for the modules that add to the demo (attendance, SIGE). */
    public record Loaded(School school, School secondSchool, SchoolYear year, List<Course> courses) {}

    /** Loads the demo unless a school already exists; answers what it loaded, if anything. */
    @Transactional
    public java.util.Optional<Loaded> loadIfEmpty() {
        long schools = jdbc.sql("select count(*) from school").query(Long.class).single();
        if (schools > 0) {
            return java.util.Optional.empty();
        }
        Loaded loaded = load();
        log.info(
                "Demo data loaded: schools RBD {} and {}; demo accounts use the password documented in the README",
                loaded.school().rbdText(),
                loaded.secondSchool().rbdText());
        return java.util.Optional.of(loaded);
    }

    private Loaded load() {
        LocalDate today = LocalDate.now(clock);
        SchoolYearSpan span = yearAround(today);
        Random random = new Random(20260301L);

        long owner = records.createOwner(
                Run.parse("65.123.456-" + Run.checkDigitOf(65_123_456)).get(), "Fundación Educacional Los Aromos");
        School school = records.createSchool(owner, DEMO_RBD, "Colegio Los Aromos", "Particular subvencionado", 2);
        SchoolYear year = records.createSchoolYear(school.id(), span.year(), span.startsOn(), span.endsOn());
        List<Course> courses = new ArrayList<>();
        int[][] grades = {{110, 1, 'A'}, {110, 1, 'B'}, {110, 2, 'A'}, {110, 5, 'A'}, {310, 1, 'A'}, {310, 2, 'A'}};
        for (int[] grade : grades) {
            String shift = grade[0] == 110 ? "Mañana" : "Tarde";
            courses.add(records.createCourse(year, grade[0], grade[1], String.valueOf((char) grade[2]), shift));
        }
        int nextRun = 22_400_000;
        for (Course course : courses) {
            int size = 32 + random.nextInt(7);
            int base = course.teachingTypeCode() == 310 ? 21_000_000 : 23_000_000;
            for (int i = 0; i < size; i++) {
                boolean foreign = i >= size - 2 && course.teachingTypeCode() == 110;
                int number =
                        foreign ? 100_200_000 + nextRun % 100_000 : base + (nextRun++ - 22_400_000) * 137 % 900_000;
                nextRun++;
                Run run = new Run(number, Run.checkDigitOf(number));
                String given = foreign
                        ? FOREIGN_GIVEN[random.nextInt(FOREIGN_GIVEN.length)]
                        : GIVEN[random.nextInt(GIVEN.length)];
                String paternal = foreign
                        ? FOREIGN_SURNAMES[random.nextInt(FOREIGN_SURNAMES.length)]
                        : SURNAMES[random.nextInt(SURNAMES.length)];
                long student = records.createStudent(
                        school.id(),
                        given,
                        paternal,
                        SURNAMES[random.nextInt(SURNAMES.length)],
                        foreign ? IdentifierType.IPE : IdentifierType.RUN,
                        run,
                        span.startsOn(),
                        "demo");
                // A few arrive during the year and one leaves, so the monthly control has movement.
                LocalDate enrolledOn = i == size - 3
                        ? today.minusDays(20).isAfter(span.startsOn()) ? today.minusDays(20) : span.startsOn()
                        : span.startsOn();
                var enrollment = records.enroll(student, course.id(), enrolledOn, null);
                if (i == 4 && course.gradeCode() == 2 && today.minusDays(10).isAfter(enrolledOn)) {
                    records.withdraw(enrollment.id(), today.minusDays(10));
                }
            }
        }

        staff("director", "Carmen Valdés Ortiz", school, Role.DIRECTOR);
        staff("asistencia", "Rodrigo Peña Lagos", school, Role.ATTENDANCE_ADMIN);
        staff("profesor", "Paula Cifuentes Mora", school, Role.TEACHER);
        staff("profesor2", "Héctor Alarcón Ruiz", school, Role.TEACHER);

        long owner2 =
                records.createOwner(new Run(76_543_210, Run.checkDigitOf(76_543_210)), "Corporación Municipal Demo");
        School second = records.createSchool(owner2, SECOND_RBD, "Escuela Básica El Roble", "Municipal", 2);
        SchoolYear secondYear = records.createSchoolYear(second.id(), span.year(), span.startsOn(), span.endsOn());
        Course other = records.createCourse(secondYear, 110, 1, "A", "Mañana");
        for (int i = 0; i < 20; i++) {
            int number = 24_100_000 + i * 7919;
            long student = records.createStudent(
                    second.id(),
                    GIVEN[i % GIVEN.length],
                    SURNAMES[(i * 7) % SURNAMES.length],
                    SURNAMES[(i * 3) % SURNAMES.length],
                    IdentifierType.RUN,
                    new Run(number, Run.checkDigitOf(number)),
                    span.startsOn(),
                    "demo");
            records.enroll(student, other.id(), span.startsOn(), null);
        }
        staff("director2", "Luis Fernández Vidal", second, Role.DIRECTOR);

        long support = accounts.create("soporte", "Soporte Aula", PASSWORD);
        accounts.grantSupport(support);
        return new Loaded(school, second, year, courses);
    }

    private void staff(String username, String fullName, School school, Role role) {
        long id = accounts.create(username, fullName, PASSWORD);
        accounts.setRole(id, school.id(), role, true, "demo");
    }
}
