package cl.aula.resilience;

import static cl.aula.resilience.ResilienceScene.STARTUP;
import static cl.aula.resilience.ResilienceScene.setting;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.resilience.MonthOfAttendance.GeneratedSchool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two Aula instances on one database and one SIGE. Each school's month is asked of both instances at
 * the same moment; both instances work the one job queue; halfway, one instance is killed and the
 * other takes over what it had picked. Every submission must be sent at least once and taken through
 * each step by one instance at a time: SIGE sees one addAsistencia per grade-day, except for the ones
 * the dead instance was sending when it died, and nothing else is repeated.
 *
 * <p>Reduced for CI (6 schools x 6 grades x 10 days = 360 submissions); the full version is
 * {@code scripts/two-instances-test.sh} ({@code -Dresilience.schools}, {@code .days}).
 */
class TwoInstancesProcessIT {

    private static final Pattern ACCEPTED = Pattern.compile("Submission (\\d+) accepted by SIGE");

    @Test
    void twoInstancesSendEachSubmissionOnceAndTheSurvivorFinishesWhatTheDeadOneHeld() throws Exception {
        MonthOfAttendance.Plan plan = new MonthOfAttendance.Plan(setting("schools", 6), 6, setting("days", 10), 30);
        try (ResilienceScene scene = ResilienceScene.start("two-instances", false, "384m")) {
            scene.sige().putFaults(Map.of("answerDelayMs", 100, "processingDelayMs", 1_000));
            AulaProcess first = scene.instance("aula-1");
            AulaProcess second = scene.instance("aula-2");
            // Both migrate the same empty database at once: Flyway's lock lets one do it.
            CompletableFuture<AulaProcess> starting = CompletableFuture.supplyAsync(() -> second.start(STARTUP));
            first.start(STARTUP);
            starting.join();
            MonthOfAttendance month = scene.prepare(plan, first);
            SubmissionLedger ledger = scene.ledger();
            AulaSession[] directors = {scene.director(first), scene.director(second)};
            Instant started = Instant.now();

            List<CompletableFuture<Integer>> requests = new ArrayList<>();
            for (GeneratedSchool school : month.schools()) {
                for (AulaSession director : directors) {
                    requests.add(CompletableFuture.supplyAsync(() -> director.post(
                                    "/api/v1/schools/" + school.rbdText() + "/sige/syncs",
                                    "{\"from\":\"" + month.days().get(0) + "\",\"to\":\""
                                            + month.days().get(month.days().size() - 1) + "\"}")
                            .status()));
                }
            }
            Map<Integer, Long> answers = requests.stream()
                    .map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
            // Halfway through sending: the first instance holds picked executions, some of them SENDING.
            ledger.await(
                    s -> s.getOrDefault("SENT", 0L) + s.getOrDefault("SYNCED", 0L) >= month.submissions() / 4,
                    Duration.ofMinutes(5),
                    Duration.ofMillis(20));
            first.kill();
            Map<String, Long> atKill = ledger.states();
            long heldByTheDead = ledger.pickedBy(first.name());
            boolean finished = ledger.awaitAllFinal(month.submissions(), Duration.ofMinutes(10));

            Map<Long, Integer> acceptedLines = acceptedLines(first, second);
            long byFirst = ChildProcesses.countLines(first.log(), "accepted by SIGE");
            long bySecond = ChildProcesses.countLines(second.log(), "accepted by SIGE");
            Map<String, Long> sendsPerKey = sendsPerKey(scene, month);
            long repeatedKeys = sendsPerKey.values().stream().filter(n -> n > 1).count();
            long extraSends =
                    sendsPerKey.values().stream().mapToLong(n -> n - 1).sum();
            long[] attempts = new long[2];
            ledger.query(
                    "select coalesce(sum(attempts), 0), count(*) filter (where attempts > 1) from sige_submission",
                    rs -> {
                        attempts[0] = rs.getLong(1);
                        attempts[1] = rs.getLong(2);
                    });
            List<String> differences = month.differencesFromSige(scene.sige());
            long sendingAtKill = atKill.getOrDefault("SENDING", 0L);
            scene.report("two instances: " + month.submissions() + " submissions of "
                    + month.schools().size()
                    + " schools, each month asked of both instances at once: answers " + answers + "; all final "
                    + finished + " after "
                    + Duration.between(started, Instant.now()).toSeconds()
                    + " s; accepted by SIGE as logged by aula-1 " + byFirst + ", by aula-2 " + bySecond
                    + "; aula-1 killed with states " + atKill + " holding " + heldByTheDead
                    + " picked executions; grade-days SIGE received more than once "
                    + repeatedKeys + " (extra sends " + extraSends + "), submissions Aula sent more than once "
                    + attempts[1] + "; final " + ledger.states() + "; SIGE differs from the book in "
                    + differences.size());

            assertThat(answers.get(202)).as("one sync accepted per school").isEqualTo((long)
                    month.schools().size());
            assertThat(answers.get(422)).as("the other refused as in flight").isEqualTo((long)
                    month.schools().size());
            assertThat(finished).as(ledger.states().toString()).isTrue();
            assertThat(ledger.total()).isEqualTo(month.submissions());
            assertThat(ledger.count("SYNCED")).isEqualTo(month.submissions());
            assertThat(ledger.scheduledTasks()).isZero();
            assertThat(differences).isEmpty();
            assertThat(byFirst).as("the killed instance worked before it died").isPositive();
            assertThat(bySecond).as("the survivor worked").isPositive();
            assertThat(sendsPerKey).as("SIGE received every grade-day").hasSize(month.submissions());
            assertThat(extraSends)
                    .as("repeats only for what the dead instance was sending")
                    .isLessThanOrEqualTo(sendingAtKill);
            assertThat(attempts[1]).isLessThanOrEqualTo(sendingAtKill);
            assertThat(acceptedLines.values())
                    .as("each submission's code was stored by one instance, once")
                    .containsOnly(1);
        }
    }

    /** How many times each submission was logged as accepted by SIGE, over both instances' logs. */
    private static Map<Long, Integer> acceptedLines(AulaProcess... instances) throws Exception {
        Map<Long, Integer> lines = new HashMap<>();
        for (AulaProcess instance : instances) {
            for (String line : Files.readAllLines(instance.log(), StandardCharsets.UTF_8)) {
                Matcher matcher = ACCEPTED.matcher(line);
                if (matcher.find()) {
                    lines.merge(Long.parseLong(matcher.group(1)), 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    /** addAsistencia calls SIGE accepted per grade-day, from the simulator's own list. */
    private static Map<String, Long> sendsPerKey(ResilienceScene scene, MonthOfAttendance month) {
        Map<String, Long> sends = new HashMap<>();
        for (GeneratedSchool school : month.schools()) {
            for (SigeSubmissions.Accepted accepted : SigeSubmissions.of(scene.sigeUrl(), school.rbd())) {
                sends.merge(accepted.rbd() + "/" + accepted.date() + "/" + accepted.gradeCode(), 1L, Long::sum);
            }
        }
        return sends;
    }
}
