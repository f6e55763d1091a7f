package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.AulaIntegrationTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AulaIntegrationTest
class DeclarationCalendarIntegrationTest {

    @Autowired
    DeclarationCalendar calendar;

    static Instant santiago(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(DeclarationCalendar.SANTIAGO)
                .toInstant();
    }

    @Test
    void inTheFirstDaysOfAMonthThePreviousMonthIsStillOpen() {
        var open = calendar.openMonthAt(santiago("2031-04-02T09:00"));

        assertThat(open.month()).isEqualTo(YearMonth.of(2031, 3));
        assertThat(open.closesAt().toInstant()).isEqualTo(santiago("2031-04-05T17:00"));
    }

    @Test
    void theNewMonthOpensWhenThePreviousPeriodCloses() {
        assertThat(calendar.openMonthAt(santiago("2031-04-05T16:59")).month()).isEqualTo(YearMonth.of(2031, 3));
        assertThat(calendar.openMonthAt(santiago("2031-04-05T17:00")).month()).isEqualTo(YearMonth.of(2031, 4));
    }

    @Test
    void aClosingEnteredBySupportReplacesTheDefault() {
        calendar.setClosing("2031-08", "2031-09-02T17:00:00-04:00", "soporte");

        assertThat(calendar.openMonthAt(santiago("2031-09-02T16:00")).month()).isEqualTo(YearMonth.of(2031, 8));
        assertThat(calendar.openMonthAt(santiago("2031-09-02T18:00")).month()).isEqualTo(YearMonth.of(2031, 9));
    }

    @Test
    void aMonthThatHasNotBegunIsNeverOpenEvenIfThePreviousClosedEarly() {
        calendar.setClosing("2031-10", "2031-10-31T12:00:00-03:00", "soporte");

        assertThat(calendar.openMonthAt(santiago("2031-10-31T13:00")).month()).isEqualTo(YearMonth.of(2031, 10));
    }
}
