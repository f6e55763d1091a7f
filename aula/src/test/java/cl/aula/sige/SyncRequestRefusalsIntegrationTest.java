package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.common.Run;
import cl.aula.demo.SigeDemo;
import cl.aula.directory.Course;
import cl.aula.directory.DirectoryRecords;
import cl.aula.directory.IdentifierType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every kind of bad sync request gets a Spanish reason and creates nothing. */
@AulaIntegrationTest
class SyncRequestRefusalsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SigeScene scene;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryRecords records;

    @Autowired
    Clock clock;

    @Autowired
    Agreements agreements;

    ApiClient.Response post(String user, LocalDate from, LocalDate to) {
        return ApiClient.as(port, user, "demo")
                .post("/api/v1/schools/24680-8/sige/syncs", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
    }

    long syncs() {
        return jdbc.sql("select count(*) from sige_sync").query(Long.class).single();
    }

    @Test
    void aReversedRangeIsRefused() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        long before = syncs();

        ApiClient.Response response = post("director", days.get(3), days.get(1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).startsWith("El rango está invertido");
        assertThat(syncs()).isEqualTo(before);
    }

    @Test
    void daysOutsideTheOpenMonthAreRefusedSayingWhenTheNextMonthOpens() {
        scene.freshSige(false);
        LocalDate today = LocalDate.now(clock);

        ApiClient.Response newMonth = post("director", today.withDayOfMonth(1), today.withDayOfMonth(1));
        ApiClient.Response longer = post("director", scene.openMonth().atDay(1), today.withDayOfMonth(1));
        ApiClient.Response closed = post(
                "director",
                scene.openMonth().minusMonths(1).atDay(10),
                scene.openMonth().minusMonths(1).atDay(10));

        assertThat(newMonth.status()).isEqualTo(422);
        assertThat(newMonth.body()).contains("SIGE aún no recibe").contains("el siguiente se abre cuando cierre");
        assertThat(longer.status()).isEqualTo(422);
        assertThat(longer.body()).contains("El rango debe estar dentro del mes vigente en SIGE");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.body()).contains("ya cerró en SIGE");
    }

    @Test
    void theOldMonthIsAcceptedInTheFirstDaysOfTheNewOne() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        LocalDate day = days.get(5);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));

        ApiClient.Response response = post("asistencia", day, day);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("requestedBy").asString()).isEqualTo("asistencia");
        assertThat(awaitFinal(response.json().get("id").asLong()).get("state").asString())
                .isEqualTo("DONE");
    }

    @Test
    void registersOnADayThatIsNoLongerASchoolDayAreReportedAndLeftOut() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        LocalDate holiday = days.get(13);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(holiday));
        // The calendar page refuses this; written directly, as data from before that rule could be.
        long entry = jdbc.sql("""
                        insert into school_calendar_entry (school_id, date, kind, reason, recorded_by, recorded_at)
                        values (?, ?, 'SUSPENSION', 'Corte de agua', 'test', now()) returning id""")
                .params(scene.school().id(), holiday)
                .query(Long.class)
                .single();
        try {
            ApiClient.Response response = post("director", holiday, holiday);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("tiene registro de asistencia pero no es día de clases");
        } finally {
            jdbc.sql("update school_calendar_entry set withdrawn_by = 'test', withdrawn_at = now() where id = ?")
                    .param(entry)
                    .update();
        }
    }

    @Test
    void aTeacherGets403AndAnotherSchoolsDirectorGets404() {
        scene.freshSige(false);
        LocalDate day = scene.schoolDaysOfOpenMonth().get(1);

        assertThat(post("profesor", day, day).status()).isEqualTo(403);
        assertThat(post("director2", day, day).status()).isEqualTo(404);
        assertThat(ApiClient.as(port, "director2", "demo")
                        .get("/api/v1/schools/24680-8/sige/syncs")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aStudentWithoutAValidIdentifierIsNamedAndNothingIsSent() {
        scene.freshSige(false);
        LocalDate day = scene.schoolDaysOfOpenMonth().get(7);
        Course course = scene.courses().get(3);
        int number = 28_123_456;
        long student = records.createStudent(
                scene.school().id(),
                "Sin",
                "Identificador",
                "Vigente",
                IdentifierType.RUN,
                new Run(number, Run.checkDigitOf(number)),
                LocalDate.now(clock),
                "test");
        records.enroll(student, course.id(), day.minusDays(1), day.plusDays(1));
        long before = syncs();

        try {
            ApiClient.Response response = post("director", day, day);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("Identificador Vigente, Sin no tiene un RUN o IPE vigente");
            assertThat(syncs()).isEqualTo(before);
        } finally {
            // Leave the school sendable for other tests: the student gets an identifier for those days.
            ApiClient.as(port, "director", "demo").put("/api/v1/students/" + student + "/identifier", """
                    {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"RUN registrado tarde"}""".formatted(
                            number + 1, Run.checkDigitOf(number + 1), day.minusDays(1)));
        }
    }

    @Test
    void anAgreementTokenThatSigeRefusesLeavesTheSubmissionFailedWithGuidance() {
        scene.freshSige(false);
        LocalDate day = scene.schoolDaysOfOpenMonth().get(9);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));
        agreements.save(scene.school().id(), SigeDemo.AGREEMENT_ID, "un-token-equivocado", true, "soporte");
        try {
            long id = post("director", day, day).json().get("id").asLong();

            JsonNode sync = awaitFinal(id);

            assertThat(sync.get("state").asString()).isEqualTo("NEEDS_ATTENTION");
            JsonNode submission = sync.get("submissions").get(0);
            assertThat(submission.get("state").asString()).isEqualTo("FAILED");
            assertThat(submission.get("problem").asString()).contains("revise el número de convenio y el token");
        } finally {
            agreements.save(scene.school().id(), SigeDemo.AGREEMENT_ID, SigeDemo.TOKEN, true, "soporte");
        }
    }

    @Test
    void interoperabilityNotActiveIsRefusedWithTheStepsToActivateIt() {
        scene.freshSige(false);
        LocalDate day = scene.schoolDaysOfOpenMonth().get(1);
        agreements.save(scene.school().id(), SigeDemo.AGREEMENT_ID, null, false, "soporte");
        try {
            ApiClient.Response response = post("director", day, day);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("detail").asString())
                    .contains("no está activa")
                    .contains("convenio");
        } finally {
            agreements.save(scene.school().id(), SigeDemo.AGREEMENT_ID, null, true, "soporte");
        }
    }

    @Test
    void theSameDaysRequestedTwiceAtOnceLeaveOneSubmissionInFlightPerKey() throws Exception {
        scene.freshSige(false);
        scene.simulator().putFaults(java.util.Map.of("responseDelayMs", 300));
        LocalDate day = scene.schoolDaysOfOpenMonth().get(11);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));
        List<Callable<ApiClient.Response>> both =
                List.of(() -> post("director", day, day), () -> post("asistencia", day, day));

        List<ApiClient.Response> responses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(2);
        for (Future<ApiClient.Response> response : pool.invokeAll(both)) {
            responses.add(response.get());
        }
        pool.shutdown();
        scene.simulator().putFaults(java.util.Map.of("responseDelayMs", 0));
        for (ApiClient.Response response : responses) {
            if (response.status() == 202) {
                awaitFinal(response.json().get("id").asLong());
            }
        }
        long overlapping = jdbc.sql("""
                        select count(*) from sige_submission a join sige_submission b
                          on a.school_id = b.school_id and a.date = b.date and a.teaching_type_code = b.teaching_type_code
                             and a.grade_code = b.grade_code and a.id < b.id
                        where a.date = ? and b.created_at < coalesce(a.final_at, 'infinity')""").param(day).query(Long.class).single();

        assertThat(responses).extracting(ApiClient.Response::status).contains(202);
        responses.stream()
                .filter(r -> r.status() != 202)
                .forEach(r -> assertThat(r.json().get("detail").asString()).contains("ya se están enviando"));
        assertThat(overlapping).isZero();
    }

    private JsonNode awaitFinal(long syncId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            JsonNode sync = ApiClient.as(port, "director", "demo")
                    .get("/api/v1/schools/24680-8/sige/syncs/" + syncId)
                    .json();
            if (!sync.get("state").asString().equals("IN_PROGRESS")) {
                return sync;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("sync " + syncId + " did not finish");
    }
}
