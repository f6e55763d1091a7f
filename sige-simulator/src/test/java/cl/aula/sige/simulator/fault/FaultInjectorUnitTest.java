package cl.aula.sige.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorUnitTest {

    private final FaultInjector faults = new FaultInjector();

    @Test
    void aWellBehavedSimulatorInjectsNothing() {
        for (int i = 0; i < 100; i++) {
            assertThat(faults.drawTransportFault()).isEqualTo(TransportFault.NONE);
            assertThat(faults.drawServiceFault()).isEqualTo(ServiceFault.NONE);
        }
    }

    @Test
    void aRateOfOneAlwaysMisbehaves() {
        faults.replace(withRates(1, 0, 0, 0));

        assertThat(faults.drawServiceFault()).isEqualTo(ServiceFault.UNAVAILABLE);
        assertThat(faults.drawTransportFault()).isEqualTo(TransportFault.NONE);
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        faults.replace(withRates(0.3, 0.3, 0.3, 0.1));
        List<Object> first = draws();
        faults.replace(withRates(0.3, 0.3, 0.3, 0.1));
        List<Object> second = draws();

        assertThat(first).isEqualTo(second);
        assertThat(first)
                .contains(
                        ServiceFault.NONE,
                        ServiceFault.UNAVAILABLE,
                        ServiceFault.INTERNAL_ERROR,
                        TransportFault.DROP,
                        TransportFault.HTTP_500,
                        TransportFault.HTTP_503);
    }

    @Test
    void callsBeyondTheRateLimitInOneSecondAreUnavailable() {
        faults.replace(new FaultSettings(0, 0, 0, 0, 0, 1_000, 20, 1_800, 11, 0, 50));
        List<ServiceFault> draws = new ArrayList<>();

        // A hundred draws take well under a second, but may straddle a second's boundary: then fewer
        // are refused, never more.
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            draws.add(faults.drawServiceFault());
        }
        boolean oneWindow = System.nanoTime() / 1_000_000_000L == started / 1_000_000_000L;

        long refused = draws.stream().filter(f -> f == ServiceFault.UNAVAILABLE).count();
        assertThat(refused).isLessThanOrEqualTo(50);
        if (oneWindow) {
            assertThat(refused).isEqualTo(50);
            assertThat(draws.subList(0, 50)).containsOnly(ServiceFault.NONE);
        }
    }

    @Test
    void resetReturnsToTheDefaults() {
        faults.replace(withRates(1, 1, 1, 1));

        faults.reset();

        assertThat(faults.settings()).isEqualTo(FaultSettings.DEFAULTS);
    }

    private List<Object> draws() {
        List<Object> draws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            draws.add(faults.drawTransportFault());
            draws.add(faults.drawServiceFault());
        }
        return draws;
    }

    private static FaultSettings withRates(double unavailable, double internal, double http, double drop) {
        return new FaultSettings(unavailable, internal, http, drop, 0, 1_000, 20, 1_800, 11, 0, 0);
    }
}
