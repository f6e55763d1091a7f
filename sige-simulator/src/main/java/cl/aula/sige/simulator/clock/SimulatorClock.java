package cl.aula.sige.simulator.clock;

import cl.aula.sige.simulator.Resettable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The time as the simulator sees it: real time, or an instant where a test or demo has stopped it.
 * Its zone is America/Santiago, SIGE's.
 */
@Component
public class SimulatorClock extends Clock implements Resettable {

    /** SIGE's time zone: dates and declaration deadlines are Chilean. */
    public static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private static final Logger log = LoggerFactory.getLogger(SimulatorClock.class);

    private volatile Instant fixedAt;

    /** Stops the clock at {@code instant} until {@link #resume()}. */
    public void fixAt(Instant instant) {
        fixedAt = instant;
        log.info("Simulator clock fixed at {}", instant);
    }

    /** Returns the clock to real time. */
    public void resume() {
        fixedAt = null;
        log.info("Simulator clock follows real time again");
    }

    /** The instant the clock is stopped at, if it is. */
    public Optional<Instant> fixedAt() {
        return Optional.ofNullable(fixedAt);
    }

    @Override
    public void reset() {
        fixedAt = null;
    }

    @Override
    public Instant instant() {
        Instant fixed = fixedAt;
        return fixed != null ? fixed : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return SANTIAGO;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatorClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId otherZone) {
                return source.withZone(otherZone);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
