package cl.aula.attendance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A change to the school's ordinary calendar: a weekday without classes (holiday or suspension) or
 * an extra school day (recovery), taught with the timetable of {@code timetableWeekday}.
 */
public record CalendarEntry(
        long id,
        long schoolId,
        LocalDate date,
        Kind kind,
        String reason,
        DayOfWeek timetableWeekday,
        String recordedBy,
        Instant recordedAt) {

    public enum Kind {
        HOLIDAY("Feriado"),
        SUSPENSION("Suspensión de clases"),
        RECOVERY("Recuperación de clases");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean removesClasses() {
        return kind != Kind.RECOVERY;
    }
}
