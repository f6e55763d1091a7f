package cl.aula.sige;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns SIGE's messages into what a school's staff should do about them, in Spanish. */
final class Guidance {

    private static final Pattern COURSE_AND_RUN = Pattern.compile("LETRA CURSO \\((\\w+)\\)\\s+RUN\\s+(\\d+)");

    private Guidance() {}

    enum Kind {
        MISSING_STUDENT,
        UNKNOWN_RUN,
        OTHER
    }

    /** A message as SIGE wrote it, what it is about, and the advice shown next to it. */
    record Message(String text, Kind kind, String courseLetter, Integer runNumber, String guidance) {}

    static Message read(String text) {
        Matcher matcher = COURSE_AND_RUN.matcher(text);
        String letter = null;
        Integer run = null;
        if (matcher.find()) {
            letter = matcher.group(1);
            run = Integer.valueOf(matcher.group(2));
        }
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("FALTANTE")) {
            return new Message(
                    text,
                    Kind.MISSING_STUDENT,
                    letter,
                    run,
                    "SIGE tiene matriculado en este curso a un alumno que no se envió. Revise en Aula su matrícula "
                            + "(fecha de alta o de retiro) y, una vez corregida, vuelva a enviar el día.");
        }
        if (upper.contains("RETIRADO O NO MATRICULADO")) {
            return new Message(
                    text,
                    Kind.UNKNOWN_RUN,
                    letter,
                    run,
                    "SIGE no reconoce este RUN en este curso. Suele ser un alumno con IPE provisorio cuyo RUN "
                            + "definitivo ya está en SIGE: corrija el identificador en la ficha del alumno y vuelva a enviar.");
        }
        return new Message(
                text,
                Kind.OTHER,
                letter,
                run,
                "Revise el mensaje de SIGE. Si no sabe cómo resolverlo, contacte a soporte de Aula.");
    }

    static String unavailable(String when) {
        return "SIGE no disponible, reintentando. Próximo intento: " + when + ". No necesita hacer nada.";
    }
}
