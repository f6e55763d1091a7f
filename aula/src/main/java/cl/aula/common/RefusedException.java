package cl.aula.common;

import java.util.List;

/**
 * A business refusal: the request was understood but cannot be carried out, for the Spanish reasons
 * given, every one of them at once. Nothing was changed. Answers 422 in the API.
 */
public class RefusedException extends RuntimeException {

    private final List<String> reasons;

    public RefusedException(String summary, List<String> reasons) {
        super(summary);
        this.reasons = List.copyOf(reasons);
    }

    public RefusedException(String reason) {
        this(reason, List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
