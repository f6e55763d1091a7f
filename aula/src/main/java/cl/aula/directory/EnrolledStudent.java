package cl.aula.directory;

import java.time.LocalDate;

/**
 * A student as a course list shows them on a given date: with the identifier valid that date, which
 * is empty when the student has none for that date.
 */
public record EnrolledStudent(
        long studentId,
        int listNumber,
        String fullName,
        StudentIdentifier identifier,
        LocalDate enrolledOn,
        LocalDate withdrawnOn) {}
