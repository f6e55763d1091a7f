package cl.aula.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The attendance of a course in one class hour of one date: its current version and, oldest first,
 * the versions that corrections replaced. Nothing in it is ever overwritten.
 */
public record AttendanceRegister(long courseId, LocalDate date, int hour, Version current, List<Version> history) {

    /** One student's status. */
    public record Mark(long studentId, AttendanceStatus status) {}

    /** The marks as one recording or correction left them, with who made it, when and why. */
    public record Version(int number, List<Mark> marks, String recordedBy, Instant recordedAt, String reason) {}

    public int version() {
        return current.number();
    }

    public List<Mark> marks() {
        return current.marks();
    }

    public long count(AttendanceStatus status) {
        return current.marks().stream().filter(m -> m.status() == status).count();
    }
}
