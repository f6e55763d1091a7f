package cl.aula.sige.simulator;

import java.util.List;

/** A control API request that cannot be applied; answered with 400 and every problem found. */
public class InvalidControlRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidControlRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidControlRequestException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
