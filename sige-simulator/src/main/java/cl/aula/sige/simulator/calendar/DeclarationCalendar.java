package cl.aula.sige.simulator.calendar;

import cl.aula.sige.simulator.Resettable;
import cl.aula.sige.simulator.clock.SimulatorClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When the declaration period of each month closes, and from that, SIGE's open month: only its
 * days can be sent.
 */
@Component
public class DeclarationCalendar implements Resettable {

    /**
     * How far back the open month is looked for. A month that never closed more than a year ago
     * would be a mistake in the scene, not an open month.
     */
    static final int MONTHS_LOOKED_BACK = 12;

    private static final Logger log = LoggerFactory.getLogger(DeclarationCalendar.class);

    private final Map<YearMonth, Instant> closings = new ConcurrentHashMap<>();

    /** Sets when the declaration period of {@code month} closes. */
    public void setClosesAt(YearMonth month, Instant closesAt) {
        closings.put(month, closesAt);
        log.info("Declaration period of {} now closes at {}", month, closesAt);
    }

    /** When the declaration period of {@code month} closes, as set or by default. */
    public Instant closesAt(YearMonth month) {
        return closings.getOrDefault(month, defaultClosing(month));
    }

    /** Whether the closing of {@code month} was set rather than the default. */
    public boolean isSet(YearMonth month) {
        return closings.containsKey(month);
    }

    /**
     * The default when a month has no entry (ours): the period of month M closes on the 5th day of
     * M+1 at 17:00, Santiago time. The one published example closed on the 2nd at 17:00; schools
     * are told to start sending a new month from about the 7th, so the 5th sits between the two.
     */
    static Instant defaultClosing(YearMonth month) {
        return month.plusMonths(1)
                .atDay(5)
                .atTime(LocalTime.of(17, 0))
                .atZone(SimulatorClock.SANTIAGO)
                .toInstant();
    }

    /**
     * SIGE's open month at {@code instant}: the earliest month whose period has not closed at that
     * instant and that has begun (its first day is not after that instant's date in Santiago).
     */
    public Optional<YearMonth> openMonth(Instant instant) {
        YearMonth current = YearMonth.from(instant.atZone(SimulatorClock.SANTIAGO));
        for (YearMonth month = current.minusMonths(MONTHS_LOOKED_BACK);
                !month.isAfter(current);
                month = month.plusMonths(1)) {
            if (closesAt(month).isAfter(instant)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code date} belongs to the open month at {@code instant}. */
    public boolean isInOpenMonth(LocalDate date, Instant instant) {
        return openMonth(instant).map(m -> m.equals(YearMonth.from(date))).orElse(false);
    }

    @Override
    public void reset() {
        closings.clear();
    }
}
