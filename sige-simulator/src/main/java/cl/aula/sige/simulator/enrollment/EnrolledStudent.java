package cl.aula.sige.simulator.enrollment;

import java.time.LocalDate;

/**
 * One enrolment SIGE holds: a student in a course from {@code enrolledOn} (alta) until the day
 * before {@code withdrawnOn} (baja), or with no end.
 */
public record EnrolledStudent(
        Run run, int teachingTypeCode, int gradeCode, String letter, LocalDate enrolledOn, LocalDate withdrawnOn) {

    /** Whether the student counts on {@code date}: not before the alta, not on or after the baja. */
    public boolean isEnrolledOn(LocalDate date) {
        return !date.isBefore(enrolledOn) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }

    public CourseKey course() {
        return new CourseKey(teachingTypeCode, gradeCode, letter);
    }
}
