package cl.aula.sige;

import java.time.LocalDate;

/** The unit SIGE takes in one addAsistencia: one date of one teaching type and grade of a school. */
record GradeDay(LocalDate date, int teachingTypeCode, int gradeCode) implements Comparable<GradeDay> {

    @Override
    public int compareTo(GradeDay other) {
        int byDate = date.compareTo(other.date);
        if (byDate != 0) {
            return byDate;
        }
        return teachingTypeCode != other.teachingTypeCode
                ? Integer.compare(teachingTypeCode, other.teachingTypeCode)
                : Integer.compare(gradeCode, other.gradeCode);
    }
}
