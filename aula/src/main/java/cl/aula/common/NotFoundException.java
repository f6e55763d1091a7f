package cl.aula.common;

/**
 * The resource does not exist, or belongs to a school the user has no role in: both answer 404 so
 * that one school's data is never revealed to another school's staff.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
