package cl.aula.common;

/** Someone else changed the same thing first; the user should reload and try again (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
