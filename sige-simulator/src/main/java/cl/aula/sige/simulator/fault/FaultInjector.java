package cl.aula.sige.simulator.fault;

import cl.aula.sige.simulator.Resettable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides, call by call, whether the simulator misbehaves. Draws come from one generator seeded by
 * the settings, and a rate of 0 draws nothing, so a test that makes calls one after the other sees
 * the same faults every run.
 */
@Component
public class FaultInjector implements Resettable {

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    private volatile FaultSettings settings;
    private RandomGenerator random;
    private long rateWindowSecond = -1;
    private int callsInRateWindow;

    public FaultInjector() {
        apply(FaultSettings.DEFAULTS);
    }

    public FaultSettings settings() {
        return settings;
    }

    /** Replaces every setting and reseeds the draws. */
    public void replace(FaultSettings newSettings) {
        apply(newSettings);
        log.info("Fault settings replaced: {}", newSettings);
    }

    private synchronized void apply(FaultSettings newSettings) {
        settings = newSettings;
        random = RandomGeneratorFactory.of("L64X128MixRandom").create(newSettings.randomSeed());
    }

    /** Whether this SOAP call is dropped or answered with an HTTP error. */
    public synchronized TransportFault drawTransportFault() {
        if (occurs(settings.dropRate())) {
            return TransportFault.DROP;
        }
        if (occurs(settings.httpErrorRate())) {
            return random.nextBoolean() ? TransportFault.HTTP_500 : TransportFault.HTTP_503;
        }
        return TransportFault.NONE;
    }

    /**
     * Whether this SOAP call is answered with code 5 or 7 instead of being handled. A call beyond the
     * rate limit is unavailable whatever the draws.
     */
    public synchronized ServiceFault drawServiceFault() {
        if (overRateLimit()) {
            return ServiceFault.UNAVAILABLE;
        }
        if (occurs(settings.unavailableRate())) {
            return ServiceFault.UNAVAILABLE;
        }
        if (occurs(settings.internalErrorRate())) {
            return ServiceFault.INTERNAL_ERROR;
        }
        return ServiceFault.NONE;
    }

    /** Counts the call in its wall-clock second (not the simulator's clock, which tests may stop). */
    private boolean overRateLimit() {
        int limit = settings.maxCallsPerSecond();
        if (limit <= 0) {
            return false;
        }
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != rateWindowSecond) {
            rateWindowSecond = second;
            callsInRateWindow = 0;
        }
        return ++callsInRateWindow > limit;
    }

    private boolean occurs(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    /** Waits the response delay, if one is set. */
    public void delayResponse() throws InterruptedException {
        long delay = settings.responseDelayMs();
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    /** Waits the answer delay, if one is set: the call was handled, its answer is late. */
    public void delayAnswer() throws InterruptedException {
        long delay = settings.answerDelayMs();
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    @Override
    public void reset() {
        apply(FaultSettings.DEFAULTS);
    }
}
