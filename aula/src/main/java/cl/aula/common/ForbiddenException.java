package cl.aula.common;

/** The user may see the resource but their role does not allow this action (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
