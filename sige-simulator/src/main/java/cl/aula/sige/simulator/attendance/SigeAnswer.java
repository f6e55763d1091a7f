package cl.aula.sige.simulator.attendance;

import java.util.List;

/**
 * An answer of the attendance service: a code, and a submission code or messages.
 *
 * @param code CodigoRespuestaAsistencia or CodigoRespuestaReporteEnvioAsistencia
 * @param submissionCode CodigoEnvioAsistencia, with code 1 of addAsistencia only
 * @param title Titulo of ListadoMensajes, or null when there are no messages
 */
public record SigeAnswer(int code, String submissionCode, String title, List<String> messages) {

    public SigeAnswer {
        messages = List.copyOf(messages);
    }

    static SigeAnswer accepted(String submissionCode) {
        return new SigeAnswer(SigeMessages.ACCEPTED, submissionCode, null, List.of());
    }

    static SigeAnswer withMessages(int code, String title, List<String> messages) {
        return new SigeAnswer(code, null, title, messages);
    }

    /** An answer with one message under the title SIGE's errors get (ours: LISTADO DE ERRORES). */
    public static SigeAnswer withMessage(int code, String message) {
        return new SigeAnswer(code, null, SigeMessages.TITLE_ERRORS, List.of(message));
    }

    public boolean hasMessages() {
        return !messages.isEmpty();
    }
}
