package cl.aula.directory;

import cl.aula.common.RefusedException;
import cl.aula.common.Run;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating schools, years, courses, students and enrolments: used by the roster import, the demo and
 * test fixtures. Every method checks its own invariants and refuses in Spanish.
 */
@Service
public class DirectoryRecords {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    DirectoryRecords(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public long createOwner(Run rut, String name) {
        return jdbc.sql("insert into school_owner (rut_number, rut_dv, name) values (?, ?, ?) returning id")
                .params(rut.number(), String.valueOf(rut.dv()), name)
                .query(Long.class)
                .single();
    }

    /** The RBD's check digit uses the same modulo-11 rule as the RUN. */
    @Transactional
    public School createSchool(long ownerId, int rbd, String name, String dependencyType, int subsidyHour) {
        char dv = Run.checkDigitOf(rbd);
        long id = jdbc.sql("""
                        insert into school (owner_id, rbd, rbd_dv, name, dependency_type, subsidy_hour)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(ownerId, rbd, String.valueOf(dv), name, dependencyType, subsidyHour)
                .query(Long.class)
                .single();
        return directory.school(id).orElseThrow();
    }

    @Transactional
    public SchoolYear createSchoolYear(long schoolId, int year, LocalDate startsOn, LocalDate endsOn) {
        if (!endsOn.isAfter(startsOn)) {
            throw new RefusedException("El año escolar debe terminar después de comenzar.");
        }
        long id = jdbc.sql(
                        "insert into school_year (school_id, year, starts_on, ends_on) values (?, ?, ?, ?) returning id")
                .params(schoolId, year, startsOn, endsOn)
                .query(Long.class)
                .single();
        return directory.schoolYear(id).orElseThrow();
    }

    @Transactional
    public Course createCourse(SchoolYear year, int teachingTypeCode, int gradeCode, String letter, String shift) {
        String gradeName = jdbc.sql("select name from grade where teaching_type_code = ? and code = ?")
                .params(teachingTypeCode, gradeCode)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new RefusedException(
                        "No existe el grado " + gradeCode + " para el tipo de enseñanza " + teachingTypeCode + "."));
        long id = jdbc.sql("""
                        insert into course (school_id, school_year_id, teaching_type_code, grade_code, letter, shift, name)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        year.schoolId(),
                        year.id(),
                        teachingTypeCode,
                        gradeCode,
                        letter,
                        shift,
                        gradeName + " " + letter)
                .query(Long.class)
                .single();
        return directory.course(id).orElseThrow();
    }

    @Transactional
    public long createStudent(
            long schoolId,
            String givenNames,
            String paternalSurname,
            String maternalSurname,
            IdentifierType type,
            Run run,
            LocalDate identifierValidFrom,
            String recordedBy) {
        if (!directory.studentsWithIdentifier(schoolId, type, run.number()).isEmpty()) {
            throw new RefusedException(
                    "Ya existe un alumno con el " + type + " " + run.formatted() + " en este establecimiento.");
        }
        long id = jdbc.sql("""
                        insert into student (school_id, given_names, paternal_surname, maternal_surname)
                        values (?, ?, ?, ?) returning id""")
                .params(schoolId, givenNames, paternalSurname, maternalSurname)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into student_identifier (student_id, type, number, dv, valid_from, recorded_by, recorded_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        type.name(),
                        run.number(),
                        String.valueOf(run.dv()),
                        identifierValidFrom,
                        recordedBy,
                        now(),
                        "Alta")
                .update();
        return id;
    }

    /** Enrols a student; the list number is the next free one of the course unless given. */
    @Transactional
    public Enrollment enroll(long studentId, long courseId, LocalDate enrolledOn, LocalDate withdrawnOn) {
        if (withdrawnOn != null && !withdrawnOn.isAfter(enrolledOn)) {
            throw new RefusedException("La fecha de retiro (" + withdrawnOn + ") debe ser posterior a la de matrícula ("
                    + enrolledOn + ").");
        }
        Course course = directory.course(courseId).orElseThrow();
        SchoolYear year = directory.schoolYear(course.schoolYearId()).orElseThrow();
        if (!year.contains(enrolledOn)) {
            throw new RefusedException(
                    "La fecha de matrícula " + enrolledOn + " está fuera del año escolar " + year.year() + ".");
        }
        int listNumber = jdbc.sql("select coalesce(max(list_number), 0) + 1 from enrollment where course_id = ?")
                .param(courseId)
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                        insert into enrollment (student_id, course_id, enrolled_on, withdrawn_on, list_number)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(studentId, courseId, enrolledOn, withdrawnOn, listNumber)
                .query(Long.class)
                .single();
        return new Enrollment(id, studentId, courseId, enrolledOn, withdrawnOn, listNumber);
    }

    /** Records a withdrawal (baja): the student is no longer enrolled on and after that date. */
    @Transactional
    public void withdraw(long enrollmentId, LocalDate withdrawnOn) {
        int changed = jdbc.sql(
                        "update enrollment set withdrawn_on = ? where id = ? and withdrawn_on is null and enrolled_on < ?")
                .params(withdrawnOn, enrollmentId, withdrawnOn)
                .update();
        if (changed == 0) {
            throw new RefusedException(
                    "La fecha de retiro debe ser posterior a la de matrícula, y el alumno no debe estar ya retirado.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
