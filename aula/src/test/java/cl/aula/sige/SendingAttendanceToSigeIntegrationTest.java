package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.demo.SigeDemo;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.IdentifierType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sending the Control de Subvenciones to SIGE end to end: Aula's API, its job queue, real SOAP over
 * HTTP to the simulator process, and what the simulator ends up holding.
 */
@AulaIntegrationTest
class SendingAttendanceToSigeIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SigeScene scene;

    @Autowired
    Directory directory;

    ApiClient director() {
        return ApiClient.as(port, "director", "demo");
    }

    @Test
    void aMonthSyncedReachesSyncedAndSigeHoldsExactlyTheSubsidyControl() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), days);

        JsonNode sync = awaitFinal(requestSync(days.get(0), days.get(days.size() - 1)));

        assertThat(sync.get("state").asString()).as(sync.toString()).isEqualTo("DONE");
        long grades = scene.courses().stream()
                .map(c -> c.teachingTypeCode() * 100 + c.gradeCode())
                .distinct()
                .count();
        assertThat(sync.get("submissions").size()).isEqualTo(days.size() * (int) grades);
        sync.get("submissions").forEach(s -> {
            assertThat(s.get("state").asString()).as(s.toString()).isEqualTo("SYNCED");
            assertThat(s.get("submissionCode").asString()).isNotBlank();
        });
        for (LocalDate day : days) {
            for (Course course : scene.courses()) {
                assertThat(scene.held(course, day))
                        .as(course.name() + " " + day)
                        .isEqualTo(scene.expected(course, day));
            }
        }
        JsonNode status = director()
                .get("/api/v1/schools/24680-8/sige/status?month=" + scene.openMonth())
                .json();
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("openMonth").asString())
                .isEqualTo(scene.openMonth().toString());
        status.get("days")
                .forEach(day -> assertThat(day.get("status").asString()).isEqualTo("SYNCED"));
    }

    @Test
    void aSecondHourCorrectionMakesTheDayModifiedAfterSyncAndAFourthHourOneDoesNot() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        LocalDate day = days.get(days.size() - 2);
        LocalDate other = days.get(days.size() - 1);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day, other));
        awaitFinal(requestSync(day, other));
        Course course = scene.courses().get(0);

        correct(course, day, 2);
        correct(course, other, 4);

        JsonNode status = director()
                .get("/api/v1/schools/24680-8/sige/status?month=" + scene.openMonth())
                .json();
        assertThat(courseStatus(status, day, course.id())).isEqualTo("MODIFIED_AFTER_SYNC");
        assertThat(dayStatus(status, day)).isEqualTo("MODIFIED_AFTER_SYNC");
        assertThat(courseStatus(status, other, course.id())).isEqualTo("SYNCED");
        JsonNode resent = awaitFinal(requestSync(day, day));
        assertThat(resent.get("state").asString()).isEqualTo("DONE");
        assertThat(scene.held(course, day)).isEqualTo(scene.expected(course, day));
    }

    @Test
    void theThreeFailuresReachTheRightStatusWithGuidanceAndSyncAfterTheFix() {
        scene.freshSige(true);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        LocalDate day = days.get(2);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));
        SimulatorControl simulator = scene.simulator();
        simulator.putFaults(Map.of("unavailableRate", 1.0));

        long syncId = requestSync(day, day);
        JsonNode waiting = awaitSubmissionProblem(syncId);
        JsonNode waitingStatus = director()
                .get("/api/v1/schools/24680-8/sige/status?month=" + scene.openMonth())
                .json();
        simulator.putFaults(Map.of("unavailableRate", 0.0));
        JsonNode sync = awaitFinal(syncId);

        assertThat(waiting.get("state").asString()).isIn("QUEUED", "SENDING");
        assertThat(waiting.get("problem").asString()).startsWith("SIGE no disponible, reintentando. Próximo intento:");
        assertThat(dayStatus(waitingStatus, day)).isEqualTo("QUEUED");
        JsonNode first = submission(sync, 110, 1);
        assertThat(first.get("state").asString()).isEqualTo("REJECTED");
        List<String> kinds = new ArrayList<>();
        first.get("messages").forEach(m -> kinds.add(m.get("kind").asString()));
        assertThat(kinds).contains("MISSING_STUDENT", "UNKNOWN_RUN");
        JsonNode missing = message(first, "MISSING_STUDENT", SigeDemo.MISSING_IN_AULA.number());
        assertThat(missing.get("text").asString()).contains("FALTANTE");
        assertThat(missing.get("guidance").asString()).contains("Revise en Aula su matrícula");
        JsonNode unknown = first.get("messages")
                .valueStream()
                .filter(m -> m.get("kind").asString().equals("UNKNOWN_RUN"))
                .findFirst()
                .orElseThrow();
        assertThat(unknown.get("text").asString()).contains("RETIRADO O NO MATRICULADO");
        assertThat(unknown.get("guidance").asString()).contains("corrija el identificador");
        assertThat(submission(sync, 310, 1).get("state").asString()).isEqualTo("SYNCED");
        assertThat(submission(sync, 110, 1).get("attempts").asInt()).isGreaterThanOrEqualTo(2);

        enrolTheStudentAulaLacks(day);
        correctTheProvisionalIdentifier(day);
        JsonNode resent = awaitFinal(requestSync(day, day));

        assertThat(submission(resent, 110, 1).get("state").asString()).isEqualTo("SYNCED");
        for (Course course : scene.courses()) {
            assertThat(scene.held(course, day)).as(course.name()).isEqualTo(scene.expected(course, day));
        }
    }

    private void enrolTheStudentAulaLacks(LocalDate day) {
        Course course = courseOf(110, 1, "A");
        String csv = "tipo,identificador,nombres,apellido_paterno,apellido_materno,curso,fecha_matricula\n"
                + "RUN," + SigeDemo.MISSING_IN_AULA.plain() + ",Tomás Ignacio,Fuentes,Rojas,1° Básico A,"
                + directory.schoolYearOn(scene.school().id(), day).orElseThrow().startsOn() + "\n";
        var outcome = rosterImport.importFile(
                scene.school(), csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "asistencia");
        assertThat(outcome.problems()).isEmpty();
        // The new student needs a mark in the day's subsidy-hour register: a correction, with its reason.
        recordAll(course, day, 2, "Alumno matriculado que faltaba en la lista");
    }

    private void correctTheProvisionalIdentifier(LocalDate day) {
        Course course = courseOf(110, 1, "B");
        EnrolledStudent ipe = directory.studentsEnrolled(course.id(), day).stream()
                .filter(s -> s.identifier().type() == IdentifierType.IPE)
                .findFirst()
                .orElseThrow();
        var run = SigeDemo.definitiveRunOf(ipe.identifier().run());
        ApiClient.Response response = director()
                .put("/api/v1/students/" + ipe.studentId() + "/identifier", """
                {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"RUN definitivo"}""".formatted(
                                run.number(), run.dv(), scene.openMonth().atDay(1)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    cl.aula.directory.RosterImport rosterImport;

    private Course courseOf(int type, int grade, String letter) {
        return scene.courses().stream()
                .filter(c -> c.teachingTypeCode() == type
                        && c.gradeCode() == grade
                        && c.letter().equals(letter))
                .findFirst()
                .orElseThrow();
    }

    private void correct(Course course, LocalDate day, int hour) {
        ApiClient teacher = ApiClient.as(port, "profesor", "demo");
        JsonNode register = teacher.get("/api/v1/courses/" + course.id() + "/attendance/" + day + "/" + hour)
                .json();
        List<String> marks = new ArrayList<>();
        boolean flipped = false;
        for (JsonNode mark : register.get("marks")) {
            String status = mark.get("status").asString();
            if (!flipped) {
                status = status.equals("ABSENT") ? "PRESENT" : "ABSENT";
                flipped = true;
            }
            marks.add("{\"studentId\":" + mark.get("studentId").asLong() + ",\"status\":\"" + status + "\"}");
        }
        ApiClient.Response response = teacher.put(
                "/api/v1/courses/" + course.id() + "/attendance/" + day + "/" + hour,
                "{\"marks\":[" + String.join(",", marks) + "],\"reason\":\"Error al pasar la lista\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void recordAll(Course course, LocalDate day, int hour, String reason) {
        ApiClient teacher = ApiClient.as(port, "profesor", "demo");
        JsonNode register = teacher.get("/api/v1/courses/" + course.id() + "/attendance/" + day + "/" + hour)
                .json();
        Map<Long, String> statuses = new java.util.HashMap<>();
        register.get("marks")
                .forEach(m -> statuses.put(
                        m.get("studentId").asLong(), m.get("status").asString()));
        String marks = directory.studentsEnrolled(course.id(), day).stream()
                .map(s -> "{\"studentId\":" + s.studentId() + ",\"status\":\""
                        + statuses.getOrDefault(s.studentId(), "PRESENT") + "\"}")
                .collect(Collectors.joining(","));
        ApiClient.Response response = teacher.put(
                "/api/v1/courses/" + course.id() + "/attendance/" + day + "/" + hour,
                "{\"marks\":[" + marks + "],\"reason\":\"" + reason + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    long requestSync(LocalDate from, LocalDate to) {
        ApiClient.Response response = director()
                .post("/api/v1/schools/24680-8/sige/syncs", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    JsonNode awaitFinal(long syncId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            JsonNode sync = director()
                    .get("/api/v1/schools/24680-8/sige/syncs/" + syncId)
                    .json();
            if (!sync.get("state").asString().equals("IN_PROGRESS")) {
                return sync;
            }
            sleep(200);
        }
        throw new AssertionError("sync " + syncId + " did not finish in time");
    }

    private JsonNode awaitSubmissionProblem(long syncId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            JsonNode sync = director()
                    .get("/api/v1/schools/24680-8/sige/syncs/" + syncId)
                    .json();
            for (JsonNode submission : sync.get("submissions")) {
                if (!submission.get("problem").isNull()
                        && submission.get("attempts").asInt() >= 1) {
                    return submission;
                }
            }
            sleep(100);
        }
        throw new AssertionError("no submission of sync " + syncId + " waited for SIGE");
    }

    static JsonNode submission(JsonNode sync, int type, int grade) {
        for (JsonNode submission : sync.get("submissions")) {
            if (submission.get("teachingTypeCode").asInt() == type
                    && submission.get("gradeCode").asInt() == grade) {
                return submission;
            }
        }
        throw new AssertionError("no submission for " + type + "/" + grade);
    }

    static JsonNode message(JsonNode submission, String kind, int run) {
        for (JsonNode message : submission.get("messages")) {
            if (message.get("kind").asString().equals(kind)
                    && message.get("runNumber").asInt() == run) {
                return message;
            }
        }
        throw new AssertionError("no " + kind + " message for RUN " + run + " in " + submission);
    }

    static String dayStatus(JsonNode status, LocalDate day) {
        for (JsonNode d : status.get("days")) {
            if (d.get("date").asString().equals(day.toString())) {
                return d.get("status").asString();
            }
        }
        throw new AssertionError("no status for " + day);
    }

    static String courseStatus(JsonNode status, LocalDate day, long courseId) {
        for (JsonNode d : status.get("days")) {
            if (d.get("date").asString().equals(day.toString())) {
                for (JsonNode c : d.get("courses")) {
                    if (c.get("courseId").asLong() == courseId) {
                        return c.get("status").asString();
                    }
                }
            }
        }
        throw new AssertionError("no status for course " + courseId + " on " + day);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
