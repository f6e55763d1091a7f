package cl.aula.sige.simulator.enrollment;

import java.util.Locale;

/** A course of a school as SIGE names it: teaching type, grade and letter. */
public record CourseKey(int teachingTypeCode, int gradeCode, String letter) {

    public CourseKey {
        letter = normalizeLetter(letter);
    }

    /** Letters are compared trimmed and in upper case: clients were seen to pad them. */
    public static String normalizeLetter(String letter) {
        return letter == null ? null : letter.trim().toUpperCase(Locale.ROOT);
    }
}
