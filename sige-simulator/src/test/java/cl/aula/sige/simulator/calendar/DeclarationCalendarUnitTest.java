package cl.aula.sige.simulator.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DeclarationCalendarUnitTest {

    private final DeclarationCalendar calendar = new DeclarationCalendar();

    @Test
    void byDefaultAMonthClosesOnTheFifthOfTheNextAt17InSantiago() {
        assertThat(calendar.closesAt(YearMonth.of(2026, 2))).isEqualTo(at("2026-03-05T17:00:00-03:00"));
        // Chile is on winter time (UTC-4) in early April 2026.
        assertThat(calendar.closesAt(YearMonth.of(2026, 3))).isEqualTo(at("2026-04-05T17:00:00-04:00"));
    }

    @Test
    void thePreviousMonthStaysOpenUntilItsPeriodCloses() {
        assertThat(calendar.openMonth(at("2026-03-05T16:59:59-03:00"))).contains(YearMonth.of(2026, 2));
        assertThat(calendar.openMonth(at("2026-03-05T17:00:00-03:00"))).contains(YearMonth.of(2026, 3));
    }

    @Test
    void aClosingThatWasSetOverridesTheDefault() {
        calendar.setClosesAt(YearMonth.of(2026, 8), at("2026-09-02T17:00:00-03:00"));

        assertThat(calendar.openMonth(at("2026-09-02T12:00:00-03:00"))).contains(YearMonth.of(2026, 8));
        assertThat(calendar.openMonth(at("2026-09-02T18:00:00-03:00"))).contains(YearMonth.of(2026, 9));
        assertThat(calendar.isSet(YearMonth.of(2026, 8))).isTrue();
    }

    @Test
    void aMonthThatHasNotBegunIsNotOpenEvenWhenTheCurrentOneHasClosed() {
        calendar.setClosesAt(YearMonth.of(2026, 3), at("2026-03-20T17:00:00-03:00"));

        assertThat(calendar.openMonth(at("2026-03-25T10:00:00-03:00"))).isEmpty();
        assertThat(calendar.isInOpenMonth(LocalDate.of(2026, 3, 24), at("2026-03-25T10:00:00-03:00")))
                .isFalse();
    }

    @Test
    void theEarliestMonthNotYetClosedIsTheOpenOne() {
        calendar.setClosesAt(YearMonth.of(2026, 1), at("2026-03-31T17:00:00-03:00"));

        assertThat(calendar.openMonth(at("2026-03-10T10:00:00-03:00"))).contains(YearMonth.of(2026, 1));
    }

    private static Instant at(String instant) {
        return OffsetDateTime.parse(instant).toInstant();
    }
}
