package cl.aula.attendance;

import java.util.Optional;

/** A student's status in one class hour. Late counts as present for the subsidy. */
public enum AttendanceStatus {
    PRESENT("Presente", "P"),
    ABSENT("Ausente", "A"),
    LATE("Atrasado", "T");

    private final String label;
    private final String letter;

    AttendanceStatus(String label, String letter) {
        this.label = label;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    /** The one-letter form used on the take-attendance page (P, A, T). */
    public String letter() {
        return letter;
    }

    public boolean countsAsPresent() {
        return this != ABSENT;
    }

    /** Reads the API's spelling; empty for anything else, so the caller can refuse it in Spanish. */
    public static Optional<AttendanceStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (AttendanceStatus status : values()) {
            if (status.name().equals(text.strip().toUpperCase(java.util.Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
