package cl.aula.subsidy;

import cl.aula.attendance.AttendanceStatus;

/** A student's attendance for the subsidy on one day: present (also when late) or absent. */
public enum SubsidyMark {
    PRESENT("P"),
    ABSENT("A");

    private final String letter;

    SubsidyMark(String letter) {
        this.letter = letter;
    }

    /** P or A, as the grid and the API write it. */
    public String letter() {
        return letter;
    }

    public static SubsidyMark of(AttendanceStatus status) {
        return status.countsAsPresent() ? PRESENT : ABSENT;
    }
}
