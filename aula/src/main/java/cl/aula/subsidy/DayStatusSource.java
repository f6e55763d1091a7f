package cl.aula.subsidy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Lets another module annotate the days of a course's monthly grid, for example with their SIGE sync
 * status. Every bean implementing it is asked when the grid page is drawn.
 */
public interface DayStatusSource {

    /** A status to show under a day: a short code (used as a CSS class) and the Spanish label. */
    record DayStatus(String code, String label) {}

    /** The status of each day of the month that has one; days left out show nothing. */
    Map<LocalDate, DayStatus> statusOf(long courseId, YearMonth month);
}
