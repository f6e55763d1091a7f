package cl.aula.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A register was recorded or its marks were corrected (published inside the writing transaction).
 * A correction that changes no mark publishes nothing. {@code subsidyHour} tells whether the hour is
 * the school's subsidy hour, so the change affects the Control de Subvenciones.
 */
public record AttendanceRegisterChanged(
        long schoolId, long courseId, LocalDate date, int hour, int version, Instant changedAt, boolean subsidyHour) {}
