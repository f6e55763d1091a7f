package cl.aula.subsidy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A mark at the subsidy hour was recorded or corrected, so the course's Control de Subvenciones for
 * that day changed (published inside the writing transaction). Changes at other hours publish nothing.
 */
public record SubsidyMarksChanged(long schoolId, long courseId, LocalDate date, int version, Instant changedAt) {}
