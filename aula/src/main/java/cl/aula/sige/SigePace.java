package cl.aula.sige;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast this instance calls SIGE, shared by every school and job thread. At month end SIGE turns
 * calls away (code 5) when every school sends at once; calling faster then only has more calls
 * turned away, the circuit breaker opens for everyone and little gets through (month-end benchmark:
 * with SIGE taking 150 calls a second, Aula got about 6 submissions a second through as its breaker
 * opened and closed). So when SIGE turns away a twentieth or more of a second's calls, the pace drops
 * to nine tenths of what SIGE answered in that second, and it grows by a tenth each second SIGE
 * answers everything it was asked: TCP's way of finding what the other side can take. The permits
 * themselves are Resilience4j's rate limiter.
 *
 * <p>Seconds are counted on the JVM's monotonic clock, as the rate limiter does: the pace is about
 * elapsed time, not about dates.
 */
@Component
class SigePace {

    private static final Logger log = LoggerFactory.getLogger(SigePace.class);

    private static final long SECOND = 1_000_000_000L;

    private final RateLimiter permits;
    private final int floor;
    private final int ceiling;
    private final LongSupplier ticker;
    private int limit;
    private long windowStartedAt;
    private int answered;
    private int turnedAway;

    @Autowired
    SigePace(
            @Value("${aula.sige.pace.floor:20}") int floor,
            @Value("${aula.sige.pace.ceiling:1000}") int ceiling,
            @Value("${aula.sige.pace.max-wait:5s}") Duration maxWait) {
        this(floor, ceiling, maxWait, System::nanoTime);
    }

    /** With the ticker (nanoseconds) that tells when a second has passed. */
    SigePace(int floor, int ceiling, Duration maxWait, LongSupplier ticker) {
        if (floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("aula.sige.pace needs 1 <= floor <= ceiling");
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.limit = ceiling;
        this.ticker = ticker;
        this.windowStartedAt = ticker.getAsLong();
        this.permits = RateLimiter.of(
                "sige-pace",
                RateLimiterConfig.custom()
                        .limitForPeriod(ceiling)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(maxWait)
                        .build());
    }

    /** Waits for this call's turn; false when it did not come within the longest wait configured. */
    boolean acquire() {
        return permits.acquirePermission();
    }

    /** SIGE answered the call, whatever the answer said about the request itself. */
    synchronized void answered() {
        roll();
        answered++;
    }

    /** SIGE could not serve the call: code 5 or 7, a server fault, an HTTP error, a dropped connection. */
    synchronized void turnedAway() {
        roll();
        turnedAway++;
    }

    synchronized int callsPerSecond() {
        return limit;
    }

    /** Closes the second that has passed, if one has, and sets the pace of the next from it. */
    private void roll() {
        long now = ticker.getAsLong();
        long elapsed = now - windowStartedAt;
        if (elapsed < SECOND) {
            return;
        }
        if (elapsed >= 2 * SECOND) {
            // A quiet spell, not a measure of what SIGE takes: start a new second without judging.
            windowStartedAt = now;
            answered = 0;
            turnedAway = 0;
            return;
        }
        int calls = answered + turnedAway;
        double seconds = (double) elapsed / SECOND;
        int previous = limit;
        if (turnedAway * 20 >= calls && turnedAway > 0) {
            limit = Math.max(floor, Math.min(limit, (int) (0.9 * answered / seconds)));
        } else if (turnedAway == 0 && calls / seconds >= 0.8 * limit) {
            limit = Math.min(ceiling, limit + Math.max(1, limit / 10));
        }
        if (limit != previous) {
            permits.changeLimitForPeriod(limit);
            if (limit < previous) {
                log.info(
                        "SIGE turned away {} of {} calls in the last second; calls slow to {} a second and speed up"
                                + " again while SIGE answers them",
                        turnedAway,
                        calls,
                        limit);
            }
        }
        windowStartedAt = now;
        answered = 0;
        turnedAway = 0;
    }
}
