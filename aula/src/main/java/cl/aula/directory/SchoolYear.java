package cl.aula.directory;

import java.time.LocalDate;

/** A school's academic year; attendance is only taken between its first and last day. */
public record SchoolYear(long id, long schoolId, int year, LocalDate startsOn, LocalDate endsOn) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
