package cl.aula.directory;

/** A course of a school year, identified in SIGE by teaching type, grade and letter. */
public record Course(
        long id,
        long schoolId,
        long schoolYearId,
        int year,
        int teachingTypeCode,
        int gradeCode,
        String letter,
        String shift,
        String name) {}
