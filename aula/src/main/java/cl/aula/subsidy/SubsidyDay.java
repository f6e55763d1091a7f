package cl.aula.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A course's Control de Subvenciones for one day: the students enrolled that day and, when the
 * subsidy-hour register exists, their marks. {@code version} and {@code changedAt} identify the state
 * of that register (0 and null without one), so that what was sent to SIGE can be compared with it.
 * A student enrolled after the register was taken has no mark until it is corrected.
 *
 * @param schoolDay whether classes are held that day; a day without classes never has a register
 */
public record SubsidyDay(
        long courseId,
        LocalDate date,
        int subsidyHour,
        boolean schoolDay,
        boolean registered,
        int version,
        Instant changedAt,
        List<Long> enrolled,
        Map<Long, SubsidyMark> marks) {

    public long present() {
        return marks.values().stream().filter(m -> m == SubsidyMark.PRESENT).count();
    }

    public long absent() {
        return marks.values().stream().filter(m -> m == SubsidyMark.ABSENT).count();
    }
}
