package cl.aula.attendance;

import cl.aula.common.Run;
import cl.aula.directory.Course;
import cl.aula.directory.DirectoryRecords;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.Role;
import cl.aula.security.StaffAccounts;
import cl.aula.security.StaffPrincipal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * Builds a school of its own for a test, with dates relative to today: a school year from the first
 * day of the month two months ago to two months ahead, one course with the standard six-hour
 * timetable, its students and staff accounts. Every fixture has fresh RBD, RUNs and usernames, so
 * tests sharing the demo database never see each other's data.
 */
public final class AttendanceFixtures {

    public static final String PASSWORD = "clave-de-prueba";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DirectoryRecords records;
    private final StaffAccounts accounts;
    private final Timetable timetable;
    private final Clock clock;

    public AttendanceFixtures(ApplicationContext context) {
        this.records = context.getBean(DirectoryRecords.class);
        this.accounts = context.getBean(StaffAccounts.class);
        this.timetable = context.getBean(Timetable.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A fixture school and course; {@code teacher} and {@code director} are its usernames. */
    public record Fixture(
            School school,
            SchoolYear year,
            Course course,
            List<Long> students,
            String teacher,
            String director,
            StaffPrincipal teacherPrincipal) {}

    public Fixture schoolWithCourse(int students) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate today = LocalDate.now(clock);
        int ownerRut = 78_100_000 + n;
        long owner = records.createOwner(new Run(ownerRut, Run.checkDigitOf(ownerRut)), "Sostenedor de prueba " + n);
        School school = records.createSchool(owner, 71_000 + n, "Escuela de prueba " + n, "Municipal", 2);
        SchoolYear year = records.createSchoolYear(
                school.id(), today.getYear(), today.minusMonths(2).withDayOfMonth(1), today.plusMonths(2));
        Course course = records.createCourse(year, 110, 4, "A", "Mañana");
        timetable.replace(course.id(), Timetable.standardWeek(6));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            ids.add(student(school, course, year.startsOn(), n * 1000 + i));
        }
        String teacher = "docente" + n;
        String director = "directora" + n;
        long teacherId = accounts.create(teacher, "Docente " + n, PASSWORD);
        accounts.setRole(teacherId, school.id(), Role.TEACHER, true, "test");
        long directorId = accounts.create(director, "Directora " + n, PASSWORD);
        accounts.setRole(directorId, school.id(), Role.DIRECTOR, true, "test");
        return new Fixture(school, year, course, ids, teacher, director, accounts.loadUserByUsername(teacher));
    }

    /** Enrols one more student in the course from the date on. */
    public long enrolledStudent(Fixture fixture, LocalDate enrolledOn, LocalDate withdrawnOn) {
        int n = SEQUENCE.incrementAndGet();
        long id = createStudent(fixture.school(), enrolledOn, 500_000 + n);
        var enrollment = records.enroll(id, fixture.course().id(), enrolledOn, null);
        if (withdrawnOn != null) {
            records.withdraw(enrollment.id(), withdrawnOn);
        }
        return id;
    }

    private long student(School school, Course course, LocalDate enrolledOn, int seed) {
        long id = createStudent(school, enrolledOn, seed);
        records.enroll(id, course.id(), enrolledOn, null);
        return id;
    }

    private long createStudent(School school, LocalDate enrolledOn, int seed) {
        int number = 25_000_000 + seed;
        long id = records.createStudent(
                school.id(),
                "Alumno" + seed,
                "Apellido" + seed,
                "Prueba",
                IdentifierType.RUN,
                new Run(number, Run.checkDigitOf(number)),
                enrolledOn,
                "test");
        return id;
    }

    /** The most recent weekday on or before the date (the fixture has no holidays unless a test adds one). */
    public static LocalDate weekdayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The last school day on or before today, usually today itself. */
    public LocalDate lastSchoolDay() {
        return weekdayOnOrBefore(today());
    }
}
