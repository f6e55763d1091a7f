package cl.aula.sige.simulator.agreement;

import cl.aula.sige.simulator.Resettable;
import cl.aula.sige.simulator.fault.FaultInjector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The semillas (session values) issued to agreements. Each expires after the lifetime set in the
 * fault settings at the time it was issued; an expired or unknown one is refused with code 6.
 */
@Component
public class SemillaRegistry implements Resettable {

    /** Past this many live semillas, expired ones are swept when a new one is issued. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, IssuedSemilla> semillas = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final FaultInjector faults;

    public SemillaRegistry(Clock clock, FaultInjector faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /** Issues a new semilla for agreement {@code agreementId}. */
    public String issue(int agreementId) {
        Instant now = clock.instant();
        if (semillas.size() > SWEEP_THRESHOLD) {
            semillas.values().removeIf(s -> !s.expiresAt().isAfter(now));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String value = HexFormat.of().withUpperCase().formatHex(bytes);
        Duration lifetime = Duration.ofSeconds(faults.settings().semillaTtlSeconds());
        semillas.put(value, new IssuedSemilla(agreementId, now.plus(lifetime)));
        return value;
    }

    /** The agreement a semilla was issued to, unless it is unknown or has expired. */
    public OptionalInt agreementOf(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        IssuedSemilla semilla = semillas.get(value.trim());
        if (semilla == null || !semilla.expiresAt().isAfter(clock.instant())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(semilla.agreementId());
    }

    @Override
    public void reset() {
        semillas.clear();
    }

    private record IssuedSemilla(int agreementId, Instant expiresAt) {}
}
