package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SigePaceUnitTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final SigePace pace = new SigePace(20, 1_000, Duration.ofMillis(10), now::get);

    @Test
    void startsAtTheCeiling() {
        assertThat(pace.callsPerSecond()).isEqualTo(1_000);
    }

    @Test
    void slowsBelowWhatSigeAnsweredWhenItTurnsCallsAway() {
        second(150, 250);

        assertThat(pace.callsPerSecond()).isEqualTo(135);
    }

    @Test
    void neverSlowsBelowTheFloor() {
        second(3, 40);

        assertThat(pace.callsPerSecond()).isEqualTo(20);
    }

    @Test
    void speedsUpByATenthEachSecondSigeAnswersEverythingAtThePace() {
        second(150, 250);

        second(130, 0);
        second(146, 0);

        assertThat(pace.callsPerSecond()).isEqualTo(162);
    }

    @Test
    void keepsThePaceWhenFewCallsAreTurnedAway() {
        second(150, 250);

        second(130, 6);

        assertThat(pace.callsPerSecond()).isEqualTo(135);
    }

    @Test
    void doesNotSpeedUpWhileCallsAreFewerThanThePaceAllows() {
        second(150, 250);

        second(40, 0);

        assertThat(pace.callsPerSecond()).isEqualTo(135);
    }

    @Test
    void aQuietSpellIsNotJudged() {
        for (int i = 0; i < 5; i++) {
            pace.turnedAway();
        }
        now.addAndGet(30 * SECOND);
        pace.answered();

        assertThat(pace.callsPerSecond()).isEqualTo(1_000);
    }

    @Test
    void givesNoTurnBeyondThePaceWithinTheLongestWait() {
        SigePace slow = new SigePace(1, 2, Duration.ZERO, System::nanoTime);

        int turns = 0;
        for (int i = 0; i < 10; i++) {
            turns += slow.acquire() ? 1 : 0;
        }

        assertThat(turns).isBetween(2, 4);
    }

    /** A second of calls, then the first call of the next second, which closes it. */
    private void second(int answered, int turnedAway) {
        for (int i = 0; i < answered; i++) {
            pace.answered();
        }
        for (int i = 0; i < turnedAway; i++) {
            pace.turnedAway();
        }
        now.addAndGet(SECOND);
        // The first call of the next second closes this one (and counts in the next).
        pace.answered();
    }
}
