package cl.aula.resilience;

import cl.aula.common.Run;
import cl.aula.sige.SimulatorControl;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.JsonNode;

/**
 * A generated month of attendance for many schools, written straight into Aula's schema with JDBC
 * (the class book's own services would take far longer for thousands of registers), plus the same
 * schools as SIGE knows them, and a check of what SIGE ends up holding.
 *
 * <p>Every school has one course per grade of Enseñanza Básica (110), letter A, with its students
 * enrolled from the start of the year, and the subsidy-hour (2nd) register taken on the first
 * weekdays of the month. Whether a student was absent is a pure function of RUN and date, so the
 * expected attendance can be recomputed anywhere. Agreements go through Aula's API, which encrypts
 * their tokens.
 */
final class MonthOfAttendance {

    static final int CLIENT_ID = 1001;
    static final String PASSWORD = "resiliencia";
    static final String SUPPORT = "soporte-pruebas";
    static final String DIRECTOR = "director-pruebas";
    static final int SUBSIDY_HOUR = 2;

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final int FIRST_RBD = 40_000;
    private static final int FIRST_AGREEMENT = 7_000;

    /** How much to generate: every school has {@code grades} courses and {@code days} registered days. */
    record Plan(int schools, int grades, int days, int studentsPerCourse) {

        Plan {
            if (grades < 1 || grades > 8 || studentsPerCourse < 1 || studentsPerCourse > 99 || schools > 999) {
                throw new IllegalArgumentException("at most 999 schools, 8 grades and 99 students per course");
            }
        }

        int submissions() {
            return schools * grades * days;
        }
    }

    record GeneratedSchool(int index, long id, int rbd, char dv, int agreementId, String token) {

        String rbdText() {
            return rbd + "-" + dv;
        }
    }

    private final Plan plan;
    private final YearMonth month;
    private final List<LocalDate> days;
    private final List<GeneratedSchool> schools;

    private MonthOfAttendance(Plan plan, YearMonth month, List<LocalDate> days, List<GeneratedSchool> schools) {
        this.plan = plan;
        this.month = month;
        this.days = days;
        this.schools = schools;
    }

    Plan plan() {
        return plan;
    }

    YearMonth month() {
        return month;
    }

    List<LocalDate> days() {
        return days;
    }

    List<GeneratedSchool> schools() {
        return schools;
    }

    int submissions() {
        return schools.size() * plan.grades() * days.size();
    }

    /** The month SIGE still accepts in the first days of a month: the previous one, whatever today is. */
    static YearMonth previousMonth() {
        return YearMonth.now(java.time.ZoneId.of("America/Santiago")).minusMonths(1);
    }

    /** Writes the schools, their staff accounts, students and registers into the migrated schema. */
    static MonthOfAttendance generate(Connection db, Plan plan, YearMonth month) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && days.size() < plan.days()) {
                days.add(day);
            }
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            long owner = single(
                    db,
                    "insert into school_owner (rut_number, rut_dv, name) values (?, ?, ?) returning id",
                    77_000_000,
                    String.valueOf(Run.checkDigitOf(77_000_000)),
                    "Sostenedor de pruebas de resiliencia");
            List<GeneratedSchool> schools = new ArrayList<>();
            for (int index = 0; index < plan.schools(); index++) {
                schools.add(school(db, plan, month, owner, index));
            }
            Long[] ids = schools.stream().map(GeneratedSchool::id).toArray(Long[]::new);
            registers(db, ids, days);
            accounts(db, ids);
            db.commit();
            return new MonthOfAttendance(plan, month, List.copyOf(days), List.copyOf(schools));
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static GeneratedSchool school(Connection db, Plan plan, YearMonth month, long owner, int index)
            throws SQLException {
        int rbd = FIRST_RBD + index;
        char dv = Run.checkDigitOf(rbd);
        String newSchool = """
                insert into school (owner_id, rbd, rbd_dv, name, dependency_type, subsidy_hour)
                values (?, ?, ?, ?, 'Particular subvencionado', ?) returning id""";
        long school = single(
                db, newSchool, owner, rbd, String.valueOf(dv), "Escuela de pruebas " + (index + 1), SUBSIDY_HOUR);
        LocalDate yearStart = LocalDate.of(month.getYear(), 1, 1);
        long year = single(
                db,
                "insert into school_year (school_id, year, starts_on, ends_on) values (?, ?, ?, ?) returning id",
                school,
                month.getYear(),
                Date.valueOf(yearStart),
                Date.valueOf(LocalDate.of(month.getYear(), 12, 31)));
        String newCourse = """
                insert into course (school_id, school_year_id, teaching_type_code, grade_code, letter, shift, name)
                values (?, ?, 110, ?, 'A', 'Mañana', ?) returning id""";
        for (int grade = 1; grade <= plan.grades(); grade++) {
            long course = single(db, newCourse, school, year, grade, grade + "° Básico A");
            Integer[] numbers = new Integer[plan.studentsPerCourse()];
            String[] dvs = new String[numbers.length];
            for (int n = 0; n < numbers.length; n++) {
                numbers[n] = run(index, grade, n + 1);
                dvs[n] = String.valueOf(Run.checkDigitOf(numbers[n]));
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    with s as (
                        insert into student (school_id, given_names, paternal_surname, maternal_surname)
                        select ?, 'Alumno ' || r.number, 'Generado', 'Prueba' from unnest(?::int[]) as r(number)
                        returning id, given_names),
                    i as (
                        insert into student_identifier (student_id, type, number, dv, valid_from, recorded_by,
                            recorded_at, reason)
                        select s.id, 'RUN', r.number, r.dv, ?, 'generador', now(), 'Alta'
                        from s join unnest(?::int[], ?::text[]) as r(number, dv)
                            on s.given_names = 'Alumno ' || r.number
                        returning student_id, number)
                    insert into enrollment (student_id, course_id, enrolled_on, list_number)
                    select i.student_id, ?, ?, row_number() over (order by i.number) from i""")) {
                Array runs = db.createArrayOf("int4", numbers);
                insert.setLong(1, school);
                insert.setArray(2, runs);
                insert.setDate(3, Date.valueOf(yearStart));
                insert.setArray(4, runs);
                insert.setArray(5, db.createArrayOf("text", dvs));
                insert.setLong(6, course);
                insert.setDate(7, Date.valueOf(yearStart));
                insert.executeUpdate();
            }
        }
        return new GeneratedSchool(index, school, rbd, dv, FIRST_AGREEMENT + index, "token-de-convenio-" + rbd);
    }

    private static void registers(Connection db, Long[] schools, List<LocalDate> days) throws SQLException {
        Array schoolIds = db.createArrayOf("int8", schools);
        Array dates = db.createArrayOf("date", days.stream().map(Date::valueOf).toArray());
        update(db, """
                insert into attendance_register (course_id, date, hour, version, changed_at)
                select c.id, d, ?, 1, now() from course c cross join unnest(?::date[]) as d
                where c.school_id = any(?)""", SUBSIDY_HOUR, dates, schoolIds);
        update(db, """
                insert into attendance_revision (register_id, version, recorded_by, recorded_at)
                select r.id, 1, 'generador', now() from attendance_register r join course c on c.id = r.course_id
                where c.school_id = any(?)""", schoolIds);
        // The same rule as absent(run, date) below.
        update(db, """
                insert into attendance_mark (register_id, student_id, status, from_version)
                select r.id, e.student_id,
                       case when (i.number + (r.date - date '2000-01-01')) % 11 = 0 then 'ABSENT'
                            when (i.number + (r.date - date '2000-01-01')) % 13 = 0 then 'LATE'
                            else 'PRESENT' end, 1
                from attendance_register r
                join course c on c.id = r.course_id
                join enrollment e on e.course_id = r.course_id
                join student_identifier i on i.student_id = e.student_id
                where c.school_id = any(?)""", schoolIds);
    }

    private static void accounts(Connection db, Long[] schools) throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        long support = single(
                db,
                "insert into staff_member (username, full_name, password_hash) values (?, ?, ?) returning id",
                SUPPORT,
                "Soporte de pruebas",
                hash);
        update(db, "insert into staff_role (staff_id, school_id, role) values (?, null, 'SUPPORT')", support);
        long director = single(
                db,
                "insert into staff_member (username, full_name, password_hash) values (?, ?, ?) returning id",
                DIRECTOR,
                "Directora de pruebas",
                hash);
        update(
                db,
                "insert into staff_role (staff_id, school_id, role)"
                        + " select ?, id, 'DIRECTOR' from school where id = any(?)",
                director,
                db.createArrayOf("int8", schools));
    }

    static int run(int school, int grade, int n) {
        return 10_000_000 + school * 1_000 + grade * 100 + n;
    }

    /** Whether the student with that RUN is absent at the subsidy hour on the date (late counts as present). */
    static boolean absent(int run, LocalDate date) {
        return (run + ChronoUnit.DAYS.between(EPOCH, date)) % 11 == 0;
    }

    /** Tells the simulator about every school: its agreement and the enrolment SIGE believes, same as Aula's. */
    void tellSige(SimulatorControl sige) {
        LocalDate yearStart = LocalDate.of(month.getYear(), 1, 1);
        for (GeneratedSchool school : schools) {
            sige.putAgreement(school.agreementId(), CLIENT_ID, school.token(), List.of(school.rbd()));
            List<SimulatorControl.Enrolled> enrolled = new ArrayList<>();
            for (int grade = 1; grade <= plan.grades(); grade++) {
                for (int n = 1; n <= plan.studentsPerCourse(); n++) {
                    int run = run(school.index(), grade, n);
                    enrolled.add(new SimulatorControl.Enrolled(
                            run, Run.checkDigitOf(run), 110, grade, "A", yearStart, null));
                }
            }
            sige.putEnrollment(school.rbd(), enrolled);
        }
    }

    /** Support registers every school's agreement through the API, so its token is encrypted at rest. */
    void registerAgreements(AulaSession support) {
        for (GeneratedSchool school : schools) {
            support.put(
                            "/api/v1/schools/" + school.rbdText() + "/sige/agreement",
                            "{\"agreementId\":%d,\"token\":\"%s\",\"active\":true}"
                                    .formatted(school.agreementId(), school.token()))
                    .expect(204);
        }
    }

    /** Sets when the month's declaration period closes, in Aula and in the simulator alike. */
    static void closeMonthAt(YearMonth month, Instant closesAt, AulaSession support, SimulatorControl sige) {
        support.put(
                        "/api/v1/sige/declaration-periods/" + month,
                        "{\"closesAt\":\"" + closesAt.atOffset(java.time.ZoneOffset.UTC) + "\"}")
                .expect(200);
        sige.putDeclarationPeriod(month.toString(), closesAt.toString());
    }

    /** A director asks for the days of one school; answers the sync's id. */
    long requestSync(AulaSession director, GeneratedSchool school, LocalDate from, LocalDate to) {
        return director.post(
                        "/api/v1/schools/" + school.rbdText() + "/sige/syncs",
                        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .expect(202)
                .json()
                .get("id")
                .asLong();
    }

    long requestMonth(AulaSession director, GeneratedSchool school) {
        return requestSync(director, school, days.get(0), days.get(days.size() - 1));
    }

    /**
     * Compares what SIGE holds with the class book for every school, day and course: an empty list
     * means SIGE holds exactly the Control de Subvenciones.
     */
    List<String> differencesFromSige(SimulatorControl sige) {
        List<String> differences = new ArrayList<>();
        for (GeneratedSchool school : schools) {
            for (LocalDate day : days) {
                Map<Integer, JsonNode> held = new LinkedHashMap<>();
                for (JsonNode course : sige.attendance(school.rbd(), day)) {
                    held.put(course.get("gradeCode").asInt(), course);
                }
                for (int grade = 1; grade <= plan.grades(); grade++) {
                    TreeSet<Integer> present = new TreeSet<>();
                    TreeSet<Integer> absent = new TreeSet<>();
                    for (int n = 1; n <= plan.studentsPerCourse(); n++) {
                        int run = run(school.index(), grade, n);
                        (absent(run, day) ? absent : present).add(run);
                    }
                    JsonNode course = held.get(grade);
                    String where = "RBD " + school.rbd() + " " + day + " grade " + grade;
                    if (course == null) {
                        differences.add(where + ": SIGE holds nothing");
                    } else if (!numbers(course.get("present")).equals(present)
                            || !numbers(course.get("absent")).equals(absent)) {
                        differences.add(where + ": SIGE holds other attendance");
                    }
                }
                if (held.size() != plan.grades()) {
                    differences.add("RBD " + school.rbd() + " " + day + ": SIGE holds " + held.size() + " grades");
                }
            }
        }
        return differences;
    }

    private static TreeSet<Integer> numbers(JsonNode runs) {
        TreeSet<Integer> numbers = new TreeSet<>();
        runs.forEach(run -> numbers.add(run.get("numero").asInt()));
        return numbers;
    }

    private static long single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
