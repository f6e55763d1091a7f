package cl.aula.directory;

import cl.aula.common.NotFoundException;
import cl.aula.common.Run;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of the school directory, for pages and for the other modules. Access checks are the caller's. */
@Service
public class Directory {

    private static final String COURSE_COLUMNS =
            "c.id, c.school_id, c.school_year_id, y.year, c.teaching_type_code, c.grade_code, c.letter, c.shift, c.name";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accepts {@code 12345-6} and {@code 12345}; with a check digit, it must be the right one. */
    public Optional<School> schoolByRbd(String rbdText) {
        String text = rbdText == null ? "" : rbdText.strip().replace(".", "");
        String number = text.contains("-") ? text.substring(0, text.indexOf('-')) : text;
        if (number.isEmpty() || number.length() > 8 || !number.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Optional<School> school = jdbc.sql("select * from school where rbd = ?")
                .param(Integer.parseInt(number))
                .query(Directory::school)
                .optional();
        if (text.contains("-")) {
            String dv = text.substring(text.indexOf('-') + 1).toUpperCase();
            return school.filter(found -> dv.equals(String.valueOf(found.rbdDv())));
        }
        return school;
    }

    public School requireSchoolByRbd(String rbdText) {
        return schoolByRbd(rbdText)
                .orElseThrow(() -> new NotFoundException("No existe el establecimiento " + rbdText + "."));
    }

    public Optional<School> school(long schoolId) {
        return jdbc.sql("select * from school where id = ?")
                .param(schoolId)
                .query(Directory::school)
                .optional();
    }

    public List<School> schools(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from school where id in (:ids) order by name")
                .param("ids", ids)
                .query(Directory::school)
                .list();
    }

    public Optional<SchoolYear> schoolYearOn(long schoolId, LocalDate date) {
        return jdbc.sql("select * from school_year where school_id = ? and ? between starts_on and ends_on")
                .params(schoolId, date)
                .query(Directory::schoolYear)
                .optional();
    }

    public Optional<SchoolYear> schoolYear(long schoolYearId) {
        return jdbc.sql("select * from school_year where id = ?")
                .param(schoolYearId)
                .query(Directory::schoolYear)
                .optional();
    }

    public List<SchoolYear> schoolYears(long schoolId) {
        return jdbc.sql("select * from school_year where school_id = ? order by year desc")
                .param(schoolId)
                .query(Directory::schoolYear)
                .list();
    }

    public List<Course> courses(long schoolId) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course c join school_year y on y.id = c.school_year_id "
                        + "where c.school_id = ? order by y.year desc, c.teaching_type_code, c.grade_code, c.letter")
                .param(schoolId)
                .query(Directory::course)
                .list();
    }

    public Optional<Course> course(long courseId) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course c join school_year y on y.id = c.school_year_id "
                        + "where c.id = ?")
                .param(courseId)
                .query(Directory::course)
                .optional();
    }

    public Optional<Student> student(long studentId) {
        return jdbc.sql("select * from student where id = ?")
                .param(studentId)
                .query((rs, n) -> new Student(
                        rs.getLong("id"),
                        rs.getLong("school_id"),
                        rs.getString("given_names"),
                        rs.getString("paternal_surname"),
                        rs.getString("maternal_surname")))
                .optional();
    }

    /** The whole identifier history of a student, oldest first. */
    public List<StudentIdentifier> identifierHistory(long studentId) {
        return jdbc.sql("select * from student_identifier where student_id = ? order by valid_from, id")
                .param(studentId)
                .query(Directory::identifier)
                .list();
    }

    public Optional<StudentIdentifier> identifierOn(long studentId, LocalDate date) {
        return identifierHistory(studentId).stream()
                .filter(id -> id.validOn(date))
                .findFirst();
    }

    /** Every enrolment of the course, whatever its dates, by list number. */
    public List<Enrollment> enrollments(long courseId) {
        return jdbc.sql("select * from enrollment where course_id = ? order by list_number, id")
                .param(courseId)
                .query(Directory::enrollment)
                .list();
    }

    public List<Enrollment> enrollmentsOfStudent(long studentId) {
        return jdbc.sql("select * from enrollment where student_id = ? order by enrolled_on, id")
                .param(studentId)
                .query(Directory::enrollment)
                .list();
    }

    /** The students enrolled in the course on the date, each with the identifier valid that date. */
    public List<EnrolledStudent> studentsEnrolled(long courseId, LocalDate date) {
        return studentsEnrolledBetween(courseId, date, date);
    }

    /**
     * The students enrolled in the course at any time between the two dates, each with the identifier
     * valid on {@code to} (none when no identifier is valid that day), in one query.
     */
    public List<EnrolledStudent> studentsEnrolledBetween(long courseId, LocalDate from, LocalDate to) {
        List<Object[]> rows = jdbc.sql("""
                        select e.student_id, e.list_number, e.enrolled_on, e.withdrawn_on,
                               s.given_names, s.paternal_surname, s.maternal_surname,
                               i.type, i.number, i.dv, i.valid_from, i.valid_until, i.recorded_by, i.recorded_at, i.reason,
                               i.superseded
                        from enrollment e
                        join student s on s.id = e.student_id
                        left join lateral (
                            select * from student_identifier si
                            where si.student_id = e.student_id and not si.superseded and si.valid_from <= ?
                              and (si.valid_until is null or si.valid_until > ?)
                            order by si.valid_from desc, si.id desc limit 1) i on true
                        where e.course_id = ? and e.enrolled_on <= ? and (e.withdrawn_on is null or e.withdrawn_on > ?)
                        order by e.list_number, e.id""")
                .params(to, to, courseId, to, from)
                .query((rs, n) -> new Object[] {
                    rs.getLong("student_id"),
                    rs.getInt("list_number"),
                    rs.getObject("enrolled_on", LocalDate.class),
                    rs.getObject("withdrawn_on", LocalDate.class),
                    new Student(
                                    rs.getLong("student_id"),
                                    0,
                                    rs.getString("given_names"),
                                    rs.getString("paternal_surname"),
                                    rs.getString("maternal_surname"))
                            .fullName(),
                    rs.getString("type") == null ? null : identifier(rs, n)
                })
                .list();
        List<EnrolledStudent> students = new ArrayList<>();
        for (Object[] row : rows) {
            students.add(new EnrolledStudent(
                    (Long) row[0],
                    (Integer) row[1],
                    (String) row[4],
                    (StudentIdentifier) row[5],
                    (LocalDate) row[2],
                    (LocalDate) row[3]));
        }
        return students;
    }

    /** The school's students whose identifier history holds this number, to refuse duplicates. */
    public List<Long> studentsWithIdentifier(long schoolId, IdentifierType type, int number) {
        return jdbc.sql("""
                        select distinct i.student_id from student_identifier i join student s on s.id = i.student_id
                        where s.school_id = ? and i.type = ? and i.number = ? and i.valid_until is null and not i.superseded""")
                .params(schoolId, type.name(), number)
                .query(Long.class)
                .list();
    }

    public Map<Integer, String> teachingTypes() {
        return jdbc
                .sql("select code, name from teaching_type order by code")
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    public List<Course> coursesSorted(long schoolId, int year) {
        return courses(schoolId).stream()
                .filter(c -> c.year() == year)
                .sorted(Comparator.comparing(Course::teachingTypeCode)
                        .thenComparing(Course::gradeCode)
                        .thenComparing(Course::letter))
                .toList();
    }

    static School school(ResultSet rs, int n) throws SQLException {
        return new School(
                rs.getLong("id"),
                rs.getInt("rbd"),
                rs.getString("rbd_dv").charAt(0),
                rs.getString("name"),
                rs.getString("dependency_type"),
                rs.getInt("subsidy_hour"),
                rs.getLong("owner_id"));
    }

    static SchoolYear schoolYear(ResultSet rs, int n) throws SQLException {
        return new SchoolYear(
                rs.getLong("id"),
                rs.getLong("school_id"),
                rs.getInt("year"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }

    static Course course(ResultSet rs, int n) throws SQLException {
        return new Course(
                rs.getLong("id"),
                rs.getLong("school_id"),
                rs.getLong("school_year_id"),
                rs.getInt("year"),
                rs.getInt("teaching_type_code"),
                rs.getInt("grade_code"),
                rs.getString("letter"),
                rs.getString("shift"),
                rs.getString("name"));
    }

    static StudentIdentifier identifier(ResultSet rs, int n) throws SQLException {
        return new StudentIdentifier(
                IdentifierType.valueOf(rs.getString("type")),
                new Run(rs.getInt("number"), rs.getString("dv").charAt(0)),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("reason"),
                rs.getBoolean("superseded"));
    }

    static Enrollment enrollment(ResultSet rs, int n) throws SQLException {
        return new Enrollment(
                rs.getLong("id"),
                rs.getLong("student_id"),
                rs.getLong("course_id"),
                rs.getObject("enrolled_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class),
                rs.getInt("list_number"));
    }
}
