package cl.aula.sige;

import java.util.List;

/**
 * What one call to SIGE came to. {@code UNAVAILABLE} covers everything worth retrying (codes 5 and 7,
 * HTTP errors, timeouts, dropped connections); {@code PAUSED} means the circuit breaker kept the call
 * in, so nothing reached SIGE; {@code REFUSED} needs a person.
 */
record SigeAnswer(Result result, Integer code, String submissionCode, List<String> messages, String detail) {

    enum Result {
        OK,
        REFUSED,
        UNAVAILABLE,
        PAUSED,
        CREDENTIALS_REFUSED
    }

    static SigeAnswer ok(int code, String submissionCode, List<String> messages) {
        return new SigeAnswer(Result.OK, code, submissionCode, messages, null);
    }

    static SigeAnswer refused(int code, List<String> messages, String detail) {
        return new SigeAnswer(Result.REFUSED, code, null, messages, detail);
    }

    static SigeAnswer unavailable(Integer code, String detail) {
        return new SigeAnswer(Result.UNAVAILABLE, code, null, List.of(), detail);
    }

    static SigeAnswer paused(String detail) {
        return new SigeAnswer(Result.PAUSED, null, null, List.of(), detail);
    }

    static SigeAnswer credentialsRefused(String detail) {
        return new SigeAnswer(Result.CREDENTIALS_REFUSED, null, null, List.of(), detail);
    }
}
