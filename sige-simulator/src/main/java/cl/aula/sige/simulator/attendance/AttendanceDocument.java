package cl.aula.sige.simulator.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * One addAsistencia request: the attendance of one date for one teaching type and grade of a
 * school, every course letter with its present and absent students.
 *
 * @param rbd the school, without check digit
 */
public record AttendanceDocument(
        int schoolYear, int rbd, int teachingTypeCode, int gradeCode, LocalDate date, List<SentCourse> courses) {

    public AttendanceDocument {
        courses = List.copyOf(courses);
    }

    AttendanceKey key() {
        return new AttendanceKey(rbd, date, teachingTypeCode, gradeCode);
    }
}
