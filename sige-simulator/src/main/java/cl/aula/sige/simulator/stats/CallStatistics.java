package cl.aula.sige.simulator.stats;

import cl.aula.sige.simulator.Resettable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Counts SOAP calls per operation and per answer code, and calls that never reached an operation
 * (dropped, HTTP errors, unreadable or oversized requests).
 */
@Component
public class CallStatistics implements Resettable {

    /** The code counted for an answer that is a SOAP fault. */
    public static final String FAULT = "FAULT";

    /** The code counted for a successful getSemillaServicios, whose answer has no code. */
    public static final String OK = "OK";

    private final Map<String, Map<String, LongAdder>> operations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> transport = new ConcurrentHashMap<>();

    /** Counts one call of {@code operation} answered with {@code code}. */
    public void record(String operation, String code) {
        operations
                .computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> new LongAdder())
                .increment();
    }

    /** Counts one call that did not reach an operation, e.g. {@code DROP} or {@code MALFORMED_XML}. */
    public void recordTransportFault(String event) {
        transport.computeIfAbsent(event, e -> new LongAdder()).increment();
    }

    /** Calls and codes per operation, in name order. */
    public Map<String, OperationCalls> operations() {
        Map<String, OperationCalls> snapshot = new TreeMap<>();
        operations.forEach((operation, codes) -> {
            Map<String, Long> counts = new TreeMap<>();
            codes.forEach((code, count) -> counts.put(code, count.sum()));
            long calls = counts.values().stream().mapToLong(Long::longValue).sum();
            snapshot.put(operation, new OperationCalls(calls, counts));
        });
        return snapshot;
    }

    /** Calls that did not reach an operation, per event. */
    public Map<String, Long> transportFaults() {
        Map<String, Long> snapshot = new TreeMap<>();
        transport.forEach((event, count) -> snapshot.put(event, count.sum()));
        return snapshot;
    }

    @Override
    public void reset() {
        operations.clear();
        transport.clear();
    }

    public record OperationCalls(long calls, Map<String, Long> codes) {}
}
