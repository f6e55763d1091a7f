package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import cl.aula.common.ConflictException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two people correcting one register at the same time: neither correction is silently lost. */
@AulaIntegrationTest
class ConcurrentCorrectionIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TakingAttendance taking;

    @Autowired
    AttendanceRegisters registers;

    @Autowired
    JdbcClient jdbc;

    Fixture fixture;
    LocalDate day;

    @BeforeEach
    void aRegisterAlreadyTaken() {
        AttendanceFixtures fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(3);
        day = fixtures.lastSchoolDay();
        taking.record(fixture.course(), day, 2, submission("PRESENT", null, null), fixture.teacherPrincipal());
    }

    @Test
    void ofTwoCorrectionsOfTheSameVersionTheSecondWriterGetsAConflict() throws Exception {
        List<Callable<String>> writers = List.of(
                () -> correct(submission("ABSENT", "Primera corrección", 1)),
                () -> correct(submission("LATE", "Segunda corrección", 1)));

        List<String> outcomes = runTogether(writers);

        assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
        AttendanceRegister register =
                registers.find(fixture.course().id(), day, 2).orElseThrow();
        assertThat(register.version()).isEqualTo(2);
        assertThat(register.history()).hasSize(1);
        assertThat(register.history().get(0).marks()).allMatch(m -> m.status() == AttendanceStatus.PRESENT);
        String winner = register.current().reason();
        AttendanceStatus expected =
                winner.equals("Primera corrección") ? AttendanceStatus.ABSENT : AttendanceStatus.LATE;
        assertThat(register.marks()).allMatch(m -> m.status() == expected);
    }

    @Test
    void correctionsRacingWithoutAnExpectedVersionNeverLoseOneSilently() throws Exception {
        List<Callable<String>> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Six different corrections: one student each is marked absent or late.
            String[] statuses = {"PRESENT", "PRESENT", "PRESENT"};
            statuses[i % 3] = i < 3 ? "ABSENT" : "LATE";
            String reason = "Corrección " + i;
            writers.add(() -> correct(submission(statuses, reason, null)));
        }

        List<String> outcomes = runTogether(writers);

        long applied = outcomes.stream().filter("ok"::equals).count();
        assertThat(outcomes).allMatch(o -> o.equals("ok") || o.equals("conflict"));
        assertThat(applied).isGreaterThanOrEqualTo(1);
        List<String> reasons = jdbc.sql("""
                        select v.reason from attendance_revision v join attendance_register r on r.id = v.register_id
                        where r.course_id = ? and r.date = ? and r.hour = 2 and v.version > 1""")
                .params(fixture.course().id(), day)
                .query(String.class)
                .list();
        assertThat(reasons)
                .as("every answered correction is a version of its own")
                .hasSize((int) applied);
        assertThat(reasons).doesNotHaveDuplicates();
    }

    @Test
    void overTheApiTheSecondOfTwoConcurrentCorrectionsAnswers409() throws Exception {
        ApiClient teacher = ApiClient.as(port, fixture.teacher(), AttendanceFixtures.PASSWORD);
        String path = "/api/v1/courses/" + fixture.course().id() + "/attendance/" + day + "/2";
        List<Callable<String>> writers = List.of(
                () -> String.valueOf(
                        teacher.put(path, json("ABSENT", "Se retiró enfermo")).status()),
                () -> String.valueOf(
                        teacher.put(path, json("LATE", "Llegó tarde")).status()));

        List<String> statuses = runTogether(writers);

        assertThat(statuses).containsExactlyInAnyOrder("200", "409");
    }

    private String json(String status, String reason) {
        StringBuilder marks = new StringBuilder();
        for (Long student : fixture.students()) {
            marks.append(marks.isEmpty() ? "" : ",")
                    .append("{\"studentId\":")
                    .append(student)
                    .append(",\"status\":\"")
                    .append(status)
                    .append("\"}");
        }
        return "{\"marks\":[" + marks + "],\"reason\":\"" + reason + "\",\"version\":1}";
    }

    private String correct(TakingAttendance.Submission submission) {
        try {
            taking.record(fixture.course(), day, 2, submission, fixture.teacherPrincipal());
            return "ok";
        } catch (ConflictException e) {
            return "conflict";
        }
    }

    private TakingAttendance.Submission submission(String status, String reason, Integer version) {
        return submission(new String[] {status, status, status}, reason, version);
    }

    private TakingAttendance.Submission submission(String[] statuses, String reason, Integer version) {
        List<TakingAttendance.SubmittedMark> marks = new ArrayList<>();
        for (int i = 0; i < fixture.students().size(); i++) {
            marks.add(new TakingAttendance.SubmittedMark(fixture.students().get(i), statuses[i]));
        }
        return new TakingAttendance.Submission(marks, reason, version);
    }

    /** Starts every writer at the same instant, so their transactions overlap. */
    private static List<String> runTogether(List<Callable<String>> writers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(writers.size());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Callable<String> writer : writers) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return writer.call();
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
