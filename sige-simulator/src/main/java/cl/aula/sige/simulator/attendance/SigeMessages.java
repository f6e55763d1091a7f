package cl.aula.sige.simulator.attendance;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Codes and message texts of the attendance service. Texts marked "seen" are SIGE's, from answers
 * that vendors kept; every other text is ours, written to read like SIGE's (upper case, no accents
 * where SIGE's had none, the course letter first).
 */
final class SigeMessages {

    static final int IN_PROCESS = 0;
    static final int ACCEPTED = 1;
    static final int PROCESSED = 1;
    static final int VALIDATION_ERRORS = 2;
    static final int PROCESSED_WITH_OBSERVATIONS = 2;
    static final int NO_SERVICE = 3;
    static final int REJECTED = 3;
    static final int NOT_LINKED = 4;
    static final int INTERNAL_ERROR = 7;

    /** Seen. */
    static final String TITLE_OBSERVATIONS = "LISTADO DE OBSERVACIONES";
    /** Ours. */
    static final String TITLE_ERRORS = "LISTADO DE ERRORES";
    /** Ours. */
    static final String TITLE_STATE = "ESTADO DEL ENVIO";

    private SigeMessages() {}

    /** Seen, e.g. {@code LETRA CURSO (A) RUN 12345678 RETIRADO O NO MATRICULADO.} */
    static String notEnrolled(String letter, int run) {
        return "LETRA CURSO (" + letter + ") RUN " + run + " RETIRADO O NO MATRICULADO.";
    }

    /** Ours; the contract only says such messages contain FALTANTE. */
    static String missing(String letter, int run) {
        return "LETRA CURSO (" + letter + ") RUN " + run + " FALTANTE.";
    }

    /** Ours. */
    static String wrongCheckDigit(String letter, int run, String dv) {
        return "LETRA CURSO (" + letter + ") RUN " + run + "-" + dv + " DIGITO VERIFICADOR INCORRECTO.";
    }

    /** Ours. */
    static String repeatedRun(String letter, int run) {
        return "LETRA CURSO (" + letter + ") RUN " + run + " INFORMADO MAS DE UNA VEZ.";
    }

    /** Ours. */
    static String repeatedLetter(String letter) {
        return "LETRA CURSO (" + letter + ") INFORMADA MAS DE UNA VEZ.";
    }

    /** Ours. */
    static String unknownCourse(String letter, int teachingTypeCode, int gradeCode) {
        return "LETRA CURSO (" + letter + ") NO EXISTE PARA TIPO DE ENSENANZA " + teachingTypeCode + " GRADO "
                + gradeCode + ".";
    }

    /** Ours. */
    static String noCoursesForGrade(int rbd, int teachingTypeCode, int gradeCode) {
        return "RBD " + rbd + " NO TIENE CURSOS DE TIPO DE ENSENANZA " + teachingTypeCode + " GRADO " + gradeCode + ".";
    }

    /** Ours. */
    static final String BLANK_LETTER = "LETRA CURSO NO INFORMADA.";

    /** Ours. */
    static final String NO_COURSES = "NO SE INFORMARON CURSOS.";

    /** Ours. */
    static String yearMismatch(int schoolYear, LocalDate date) {
        return "ANIO ESCOLAR (" + schoolYear + ") NO CORRESPONDE A LA FECHA DE ASISTENCIA (" + date + ").";
    }

    /** Ours. */
    static String outsideOpenMonth(LocalDate date, YearMonth openMonth) {
        return "FECHA DE ASISTENCIA (" + date + ") FUERA DEL PERIODO DE DECLARACION VIGENTE (" + openMonth + ").";
    }

    /** Ours. */
    static final String NO_OPEN_MONTH = "NO HAY PERIODO DE DECLARACION VIGENTE.";

    /** Ours. */
    static String futureDate(LocalDate date) {
        return "FECHA DE ASISTENCIA (" + date + ") POSTERIOR A LA FECHA ACTUAL.";
    }

    /** Ours. */
    static final String NO_SERVICE_MESSAGE = "RBD NO TIENE SERVICIO DISPONIBLE.";

    /** Ours. */
    static final String NOT_LINKED_MESSAGE = "CONVENIO NO ASOCIADO AL RBD.";

    /** Ours. */
    static final String UNKNOWN_SUBMISSION = "CODIGO DE ENVIO NO EXISTE.";

    /** Ours. */
    static final String IN_PROCESS_MESSAGE = "ENVIO EN PROCESO.";

    /** Ours. */
    static final String PROCESSING_FAILED = "ERROR INTERNO AL PROCESAR EL ENVIO.";
}
