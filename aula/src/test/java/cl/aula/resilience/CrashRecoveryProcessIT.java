package cl.aula.resilience;

import static cl.aula.resilience.ResilienceScene.STARTUP;
import static cl.aula.resilience.ResilienceScene.setting;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.resilience.MonthOfAttendance.GeneratedSchool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aula killed with SIGKILL, again and again, in the middle of a sync of a few hundred submissions,
 * and started again on the same database: before the submissions were sent, while addAsistencia calls
 * were in flight (SENDING committed, SIGE's submission code not yet stored), and while reports were
 * being polled. Every submission must still reach its final state, SIGE must hold exactly the Control
 * de Subvenciones for every day and course, and the only repeated sends are those the kills explain.
 *
 * <p>Reduced for CI (3 kills, 4 schools x 6 grades x 15 days = 360 submissions); the full version is
 * {@code scripts/crash-test.sh} (parameters {@code -Dresilience.kills}, {@code .schools},
 * {@code .days}).
 */
class CrashRecoveryProcessIT {

    enum Moment {
        BEFORE_SENDING,
        WHILE_SENDING,
        WHILE_POLLING
    }

    record Kill(
            int number, Moment moment, Map<String, Long> statesAtKill, long acceptedButNotStored, long acceptedBySige) {

        long sending() {
            return statesAtKill.getOrDefault("SENDING", 0L);
        }
    }

    @Test
    void everySubmissionReachesItsFinalStateAndSigeHoldsExactlyTheBookAfterRepeatedKills() {
        int kills = setting("kills", 3);
        MonthOfAttendance.Plan plan = new MonthOfAttendance.Plan(setting("schools", 4), 6, setting("days", 15), 30);
        try (ResilienceScene scene = ResilienceScene.start("crash", false, "384m")) {
            // Late answers and late processing: whenever Aula dies, SIGE has accepted submissions whose
            // codes Aula has not stored yet, and reports are pending.
            scene.sige()
                    .putFaults(
                            Map.of("answerDelayMs", 300, "processingDelayMs", 2_500, "processingDelayPerQueuedMs", 0));
            AulaProcess aula = scene.instance("aula").start(STARTUP);
            MonthOfAttendance month = scene.prepare(plan, aula);
            SubmissionLedger ledger = scene.ledger();
            List<List<GeneratedSchool>> waves = waves(month.schools(), (kills + 2) / 3);
            int nextWave = 0;
            List<Kill> done = new ArrayList<>();
            Instant started = Instant.now();

            for (int number = 1; number <= kills; number++) {
                Moment moment = Moment.values()[(number - 1) % 3];
                if (moment == Moment.BEFORE_SENDING && nextWave < waves.size()) {
                    AulaSession director = scene.director(aula);
                    for (GeneratedSchool school : waves.get(nextWave++)) {
                        month.requestMonth(director, school);
                    }
                } else if (moment == Moment.WHILE_SENDING) {
                    // SIGE has accepted submissions that Aula still has as SENDING: it holds their answers.
                    ledger.await(
                            s -> s.getOrDefault("SENDING", 0L) > 0 && acceptedButNotStored(scene, ledger) >= 2,
                            Duration.ofSeconds(60),
                            Duration.ofMillis(20));
                } else if (moment == Moment.WHILE_POLLING) {
                    ledger.await(
                            s -> s.getOrDefault("SENT_POLLED", 0L) >= 3, Duration.ofSeconds(60), Duration.ofMillis(10));
                }
                aula.kill();
                Kill kill = new Kill(
                        number, moment, ledger.states(), acceptedButNotStored(scene, ledger), acceptedBySige(scene));
                done.add(kill);
                scene.report("kill " + number + " " + moment + ": states at the kill " + kill.statesAtKill()
                        + ", SENDING that SIGE had accepted (code never stored) " + kill.acceptedButNotStored()
                        + ", addAsistencia accepted by SIGE so far " + kill.acceptedBySige());
                aula.start(STARTUP);
            }
            AulaSession director = scene.director(aula);
            while (nextWave < waves.size()) {
                for (GeneratedSchool school : waves.get(nextWave++)) {
                    month.requestMonth(director, school);
                }
            }
            boolean finished = ledger.awaitAllFinal(month.submissions(), Duration.ofMinutes(10));

            long accepted = acceptedBySige(scene);
            long sendingAtKills = done.stream().mapToLong(Kill::sending).sum();
            long[] attempts = addAsistenciaAttempts(ledger);
            List<String> differences = month.differencesFromSige(scene.sige());
            scene.report("crash test: " + kills + " kills, " + month.submissions() + " submissions, all final "
                    + finished + " after "
                    + Duration.between(started, Instant.now()).toSeconds() + " s; final states "
                    + ledger.states() + "; addAsistencia accepted by SIGE " + accepted + " (sends counted by Aula "
                    + attempts[0] + ", submissions sent more than once " + attempts[1] + ", SENDING at the kills "
                    + sendingAtKills + "); days and courses where SIGE differs from the book: " + differences.size());
            assertThat(finished)
                    .as("every submission final: %s", ledger.states())
                    .isTrue();
            assertThat(ledger.total()).isEqualTo(month.submissions());
            assertThat(ledger.distinctKeys()).isEqualTo(month.submissions());
            assertThat(ledger.count("SYNCED")).as(ledger.states().toString()).isEqualTo(month.submissions());
            assertThat(ledger.scheduledTasks()).isZero();
            assertThat(differences).isEmpty();
            assertThat(accepted).isBetween((long) month.submissions(), attempts[0]);
            assertThat(attempts[0] - month.submissions())
                    .as("sends beyond one per submission are those a kill interrupted")
                    .isLessThanOrEqualTo(sendingAtKills);
            assertThat(done.stream().filter(k -> k.moment() == Moment.WHILE_SENDING))
                    .allSatisfy(k -> assertThat(k.acceptedButNotStored()).isPositive());
        }
    }

    /** The schools split into the waves whose syncs are asked for just before a kill. */
    private static List<List<GeneratedSchool>> waves(List<GeneratedSchool> schools, int count) {
        List<List<GeneratedSchool>> waves = new ArrayList<>();
        int size = Math.max(1, (schools.size() + count - 1) / Math.max(1, count));
        for (int from = 0; from < schools.size(); from += size) {
            waves.add(schools.subList(from, Math.min(schools.size(), from + size)));
        }
        return waves;
    }

    /** SENDING submissions for whose key SIGE accepted an addAsistencia after SENDING was committed. */
    private static long acceptedButNotStored(ResilienceScene scene, SubmissionLedger ledger) {
        Map<Integer, List<SigeSubmissions.Accepted>> byRbd = new java.util.HashMap<>();
        long count = 0;
        for (Object[] row : ledger.sending()) {
            int rbd = (Integer) row[0];
            List<SigeSubmissions.Accepted> accepted =
                    byRbd.computeIfAbsent(rbd, r -> SigeSubmissions.of(scene.sigeUrl(), r));
            boolean taken = accepted.stream()
                    .anyMatch(a -> a.date().equals(row[1])
                            && a.gradeCode() == (Integer) row[2]
                            && !a.acceptedAt().isBefore(((Instant) row[3]).minusMillis(5)));
            count += taken ? 1 : 0;
        }
        return count;
    }

    static long acceptedBySige(ResilienceScene scene) {
        var codes =
                scene.sige().stats().path("operations").path("addAsistencia").path("codes");
        return codes.path("1").asLong(0);
    }

    /** Sends Aula counted (its attempts column), and how many submissions were sent more than once. */
    private static long[] addAsistenciaAttempts(SubmissionLedger ledger) {
        long[] counts = new long[2];
        ledger.query(
                "select coalesce(sum(attempts), 0), count(*) filter (where attempts > 1) from sige_submission", rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                });
        return counts;
    }
}
