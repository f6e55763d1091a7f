package cl.aula.resilience;

import static cl.aula.resilience.ResilienceScene.STARTUP;
import static cl.aula.resilience.ResilienceScene.setting;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.resilience.MonthOfAttendance.GeneratedSchool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A SIGE that fails a good part of the time (30% unavailable, 10% internal errors, 10% dropped
 * connections, slow answers): a month of several schools still completes, exactly. Then SIGE goes
 * down altogether: the circuit breaker holds the calls that reach it to a small bounded number while
 * the pages say "SIGE no disponible, reintentando" with the next attempt; and when the open month
 * closes before SIGE is back, what could not be sent is shown as needing a person, never dropped.
 *
 * <p>Reduced for CI (3 schools x 6 grades x 10 days, a 30-second outage, the breaker open for 2 s at
 * a time); the full version is {@code scripts/failing-sige-test.sh} ({@code -Dresilience.schools},
 * {@code .days}, {@code .outageSeconds}, {@code .openForSeconds}, {@code .windowSeconds}).
 */
class FailingSigeProcessIT {

    private static final int CHECK_CALLS_PER_SECOND = 5;

    @Test
    void aMonthCompletesThroughAFailingSigeTheBreakerHoldsCallsInAnOutageAndUnsentDaysNeedAPerson() {
        MonthOfAttendance.Plan plan = new MonthOfAttendance.Plan(setting("schools", 3), 6, setting("days", 10), 30);
        int outageSeconds = setting("outageSeconds", 30);
        int openForSeconds = setting("openForSeconds", 2);
        int windowSeconds = setting("windowSeconds", 2);
        try (ResilienceScene scene = ResilienceScene.start("failing-sige", false, "384m")) {
            AulaProcess aula = scene.instance(
                            "aula",
                            List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                            Map.of(
                                    "aula.sige.breaker.open-for",
                                    openForSeconds + "s",
                                    "aula.sige.breaker.window",
                                    String.valueOf(windowSeconds),
                                    "aula.sige.checks.calls-per-second",
                                    String.valueOf(CHECK_CALLS_PER_SECOND)))
                    .start(STARTUP);
            MonthOfAttendance month = scene.prepare(plan, aula);
            SubmissionLedger ledger = scene.ledger();
            AulaSession director = scene.director(aula);

            // 1. A month through a SIGE that fails half of the time.
            scene.sige()
                    .putFaults(Map.of(
                            "unavailableRate", 0.3,
                            "internalErrorRate", 0.1,
                            "dropRate", 0.1,
                            "responseDelayMs", 200,
                            "processingDelayMs", 500));
            Instant started = Instant.now();
            for (GeneratedSchool school : month.schools()) {
                month.requestMonth(director, school);
            }
            boolean finished = ledger.awaitAllFinal(month.submissions(), Duration.ofMinutes(10));
            long monthSeconds = Duration.between(started, Instant.now()).toSeconds();
            List<String> differences = month.differencesFromSige(scene.sige());
            JsonNode faultyStats = scene.sige().stats();
            scene.report("failing SIGE: a month of " + month.submissions() + " submissions ("
                    + month.schools().size()
                    + " schools) final " + finished + " in " + monthSeconds + " s, states " + ledger.states()
                    + "; Aula's calls by outcome " + ledger.attempts() + "; SIGE saw " + calls(faultyStats)
                    + "; breaker transitions " + ChildProcesses.countLines(aula.log(), "SIGE circuit breaker")
                    + "; SIGE differs from the book in " + differences.size());
            assertThat(finished).as(ledger.states().toString()).isTrue();
            assertThat(ledger.count("SYNCED"))
                    .as(ledger.problems("FAILED").toString())
                    .isEqualTo(month.submissions());
            assertThat(differences).isEmpty();

            // 2. SIGE down altogether while new syncs wait: the breaker keeps the calls that reach SIGE few.
            // The breaker judges its last seconds: let the month's calls leave its window first, so that what
            // it holds back in the outage is not diluted by earlier successes.
            Pause.of(Duration.ofSeconds(windowSeconds + 1));
            scene.sige().putFaults(Map.of("unavailableRate", 1.0));
            long before = total(scene.sige().stats());
            long attemptsBefore = ledger.attempts().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            List<LocalDate> resent =
                    month.days().subList(0, Math.min(5, month.days().size()));
            List<Long> syncs = new ArrayList<>();
            for (GeneratedSchool school : month.schools()) {
                syncs.add(month.requestSync(director, school, resent.get(0), resent.get(resent.size() - 1)));
            }
            int waiting = month.schools().size() * plan.grades() * resent.size();
            Instant outageStarted = Instant.now();
            Pause.of(Duration.ofSeconds(outageSeconds / 2));
            GeneratedSchool first = month.schools().get(0);
            String page = director.get("/escuelas/" + first.rbdText() + "/sige/envios/" + syncs.get(0))
                    .expect(200)
                    .body();
            Pause.of(Duration.ofSeconds(outageSeconds).minus(Duration.between(outageStarted, Instant.now())));
            JsonNode outageStats = scene.sige().stats();
            long reachedSige = total(outageStats) - before;
            long attempted = ledger.attempts().values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    - attemptsBefore;
            // Before opening, the breaker lets through its minimum number of calls (20), and as many again as
            // the successes still in its window (at most the identifier checks' calls, which go on in the
            // background), plus the calls already in flight on the 16 job threads; then two probes every
            // time it half-opens.
            long bound =
                    20 + (long) CHECK_CALLS_PER_SECOND * windowSeconds + 16 + 2L * (outageSeconds / openForSeconds + 1);
            scene.report("outage of " + outageSeconds + " s, breaker open for " + openForSeconds + " s at a time: "
                    + waiting + " submissions waiting, attempts Aula recorded " + attempted
                    + ", calls that reached SIGE " + reachedSige + " (bound " + bound + "), SIGE saw in all "
                    + calls(outageStats));
            assertThat(page).contains("SIGE no disponible, reintentando. Próximo intento:");
            assertThat(reachedSige).isLessThanOrEqualTo(bound);

            // 3. The open month closes before SIGE is back: what was not sent waits for a person.
            MonthOfAttendance.closeMonthAt(
                    month.month(), Instant.now().plusSeconds(2), scene.support(aula), scene.sige());
            boolean settled = ledger.awaitAllFinal(month.submissions() + waiting, Duration.ofMinutes(3));
            Map<String, Long> failed = ledger.problems("FAILED");
            JsonNode sync = director.get("/api/v1/schools/" + first.rbdText() + "/sige/syncs/" + syncs.get(0))
                    .expect(200)
                    .json();
            JsonNode status = director.get("/api/v1/schools/" + first.rbdText() + "/sige/status?month=" + month.month())
                    .expect(200)
                    .json();
            String closedPage = director.get("/escuelas/" + first.rbdText() + "/sige/envios/" + syncs.get(0))
                    .expect(200)
                    .body();
            Map<String, String> dayStatus = new TreeMap<>();
            status.get("days")
                    .forEach(day -> dayStatus.put(
                            day.get("date").asString(), day.get("status").asString()));
            scene.report("month closed during the outage: all final " + settled + ", states " + ledger.states()
                    + ", problems of the FAILED " + failed + ", sync state "
                    + sync.get("state").asString());
            assertThat(settled).isTrue();
            assertThat(ledger.count("FAILED")).isEqualTo(waiting);
            assertThat(ledger.count("SYNCED")).isEqualTo(month.submissions());
            assertThat(failed.keySet())
                    .allSatisfy(problem -> assertThat(problem).contains("ya no está vigente en SIGE"));
            assertThat(ledger.scheduledTasks()).isZero();
            assertThat(sync.get("state").asString()).isEqualTo("NEEDS_ATTENTION");
            for (LocalDate day : resent) {
                assertThat(dayStatus.get(day.toString())).as(day.toString()).isEqualTo("FAILED");
            }
            assertThat(closedPage).contains("Requiere atención").contains("ya no está vigente en SIGE");
        }
    }

    /** Calls SIGE answered per operation and code, and calls that never reached an operation. */
    private static String calls(JsonNode stats) {
        Map<String, String> calls = new TreeMap<>();
        stats.get("operations")
                .properties()
                .forEach(e -> calls.put(e.getKey(), e.getValue().get("codes").toString()));
        return calls + " transport " + stats.get("transportFaults");
    }

    private static long total(JsonNode stats) {
        long total = 0;
        for (var operation : stats.get("operations").properties()) {
            total += operation.getValue().get("calls").asLong();
        }
        for (var fault : stats.get("transportFaults").properties()) {
            total += fault.getValue().asLong();
        }
        return total;
    }
}
