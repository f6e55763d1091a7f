package cl.aula.sige.simulator.fault;

import cl.aula.sige.simulator.InvalidControlRequestException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

    private static final long MAX_DELAY_MS = 600_000;

    private final FaultInjector faults;

    FaultAdminController(FaultInjector faults) {
        this.faults = faults;
    }

    /** Replaces every setting: a field left out takes its default. */
    @PutMapping
    ResponseEntity<Void> replace(@RequestBody FaultSettingsJson json) {
        FaultSettings d = FaultSettings.DEFAULTS;
        FaultSettings settings = new FaultSettings(
                or(json.unavailableRate(), d.unavailableRate()),
                or(json.internalErrorRate(), d.internalErrorRate()),
                or(json.httpErrorRate(), d.httpErrorRate()),
                or(json.dropRate(), d.dropRate()),
                or(json.responseDelayMs(), d.responseDelayMs()),
                or(json.processingDelayMs(), d.processingDelayMs()),
                or(json.processingDelayPerQueuedMs(), d.processingDelayPerQueuedMs()),
                or(json.semillaTtlSeconds(), d.semillaTtlSeconds()),
                or(json.randomSeed(), d.randomSeed()),
                or(json.answerDelayMs(), d.answerDelayMs()),
                json.maxCallsPerSecond() == null ? d.maxCallsPerSecond() : json.maxCallsPerSecond());
        List<String> problems = problemsOf(settings);
        if (!problems.isEmpty()) {
            throw new InvalidControlRequestException(problems);
        }

        faults.replace(settings);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    FaultSettings read() {
        return faults.settings();
    }

    private static List<String> problemsOf(FaultSettings s) {
        List<String> problems = new ArrayList<>();
        rate("unavailableRate", s.unavailableRate(), problems);
        rate("internalErrorRate", s.internalErrorRate(), problems);
        rate("httpErrorRate", s.httpErrorRate(), problems);
        rate("dropRate", s.dropRate(), problems);
        delay("responseDelayMs", s.responseDelayMs(), problems);
        delay("processingDelayMs", s.processingDelayMs(), problems);
        delay("processingDelayPerQueuedMs", s.processingDelayPerQueuedMs(), problems);
        delay("answerDelayMs", s.answerDelayMs(), problems);
        if (s.maxCallsPerSecond() < 0) {
            problems.add("maxCallsPerSecond must be 0 (no limit) or more");
        }
        if (s.semillaTtlSeconds() < 1) {
            problems.add("semillaTtlSeconds must be at least 1");
        }
        return problems;
    }

    private static void rate(String name, double value, List<String> problems) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + " must be between 0 and 1");
        }
    }

    private static void delay(String name, long value, List<String> problems) {
        if (value < 0 || value > MAX_DELAY_MS) {
            problems.add(name + " must be between 0 and " + MAX_DELAY_MS);
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static long or(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    record FaultSettingsJson(
            Double unavailableRate,
            Double internalErrorRate,
            Double httpErrorRate,
            Double dropRate,
            Long responseDelayMs,
            Long processingDelayMs,
            Long processingDelayPerQueuedMs,
            Long semillaTtlSeconds,
            Long randomSeed,
            Long answerDelayMs,
            Integer maxCallsPerSecond) {}
}
