package cl.aula.directory;

import java.time.LocalDate;

/**
 * A student's enrolment in a course: enrolled from {@code enrolledOn}; no longer enrolled on and after
 * {@code withdrawnOn}.
 */
public record Enrollment(
        long id, long studentId, long courseId, LocalDate enrolledOn, LocalDate withdrawnOn, int listNumber) {

    public boolean enrolledOn(LocalDate date) {
        return !date.isBefore(enrolledOn) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }
}
