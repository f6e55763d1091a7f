package cl.aula.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The current marks of one register, for computations over many days (the Control de Subvenciones). */
public record HourMarks(LocalDate date, int hour, int version, Instant changedAt, Map<Long, AttendanceStatus> marks) {}
