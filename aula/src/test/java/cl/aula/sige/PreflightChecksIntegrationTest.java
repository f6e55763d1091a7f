package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.common.Run;
import cl.aula.demo.SigeDemo;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.DirectoryRecords;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.RosterImport;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.StaffAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Catching SIGE's refusals before sending: the identifier check and the pre-flight review. */
@AulaIntegrationTest
class PreflightChecksIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SigeScene scene;

    @Autowired
    Directory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    RosterImport rosterImport;

    @Autowired
    DirectoryRecords records;

    @Autowired
    Agreements agreements;

    @Autowired
    Clock clock;

    ApiClient director() {
        return ApiClient.as(port, "director", "demo");
    }

    @Test
    void aStudentKnownToAulaByIpeAndToSigeByRunIsFlaggedBeforeSendingAndSyncsAtTheFirstAttemptOnceCorrected()
            throws Exception {
        LocalDate day = scene.schoolDaysOfOpenMonth().get(4);
        EnrolledStudent ipe = anIpeStudent(day);
        Run definitive = SigeDemo.definitiveRunOf(ipe.identifier().run());
        scene.freshSige(false);
        List<cl.aula.sige.SimulatorControl.Enrolled> believed = new ArrayList<>();
        for (var enrolled : scene.believed(false)) {
            believed.add(
                    enrolled.runNumber() == ipe.identifier().run().number()
                            ? new SimulatorControl.Enrolled(
                                    definitive.number(),
                                    definitive.dv(),
                                    enrolled.teachingTypeCode(),
                                    enrolled.gradeCode(),
                                    enrolled.letter(),
                                    enrolled.enrolledOn(),
                                    enrolled.withdrawnOn())
                            : enrolled);
        }
        scene.simulator().putEnrollment(scene.school().rbd(), believed);

        JsonNode check = runCheck();

        JsonNode flagged = problemOf(check, ipe.studentId());
        assertThat(flagged.get("kind").asString()).isEqualTo("PROVISIONAL_ID");
        assertThat(flagged.get("guidance").asString()).contains("RUN definitivo");
        assertThat(flagged.get("fixUrl").asString()).isEqualTo("/alumnos/" + ipe.studentId() + "#corregir");
        String page = mvc.perform(
                        get("/escuelas/24680-8/sige/revision").with(user(accounts.loadUserByUsername("asistencia"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Con IPE provisorio que SIGE no reconoce").contains("/alumnos/" + ipe.studentId());

        mvc.perform(post("/alumnos/" + ipe.studentId() + "/identificador")
                        .param("type", "RUN")
                        .param("run", definitive.formatted())
                        .param("validFrom", scene.openMonth().atDay(1).toString())
                        .param("reason", "RUN definitivo encontrado en SIGE")
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("asistencia"))))
                .andReturn();
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));
        JsonNode sync = scene.awaitFinal(director(), scene.requestSync(director(), day, day));

        sync.get("submissions").forEach(s -> {
            assertThat(s.get("state").asString()).isEqualTo("SYNCED");
            assertThat(s.get("attempts").asInt()).isEqualTo(1);
        });
        assertThat(problems(runCheck())).noneMatch(p -> p.get("studentId").asLong() == ipe.studentId());
    }

    @Test
    void aStudentSigeHasAndAulaLacksIsFlaggedAfterTheFirstReportWithTheWayToFixIt() {
        LocalDate day = scene.schoolDaysOfOpenMonth().get(6);
        Course fifth = courseOf(5);
        Run missing = new Run(27_500_003, Run.checkDigitOf(27_500_003));
        scene.freshSige(false);
        List<SimulatorControl.Enrolled> believed = new ArrayList<>(scene.believed(false));
        believed.add(new SimulatorControl.Enrolled(
                missing.number(),
                missing.dv(),
                110,
                5,
                "A",
                directory.schoolYear(fifth.schoolYearId()).orElseThrow().startsOn(),
                null));
        scene.simulator().putEnrollment(scene.school().rbd(), believed);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));

        JsonNode sync = scene.awaitFinal(director(), scene.requestSync(director(), day, day));
        JsonNode check = runCheck();

        assertThat(SendingAttendanceToSigeIntegrationTest.submission(sync, 110, 5)
                        .get("state")
                        .asString())
                .isEqualTo("REJECTED");
        JsonNode flagged = problems(check).stream()
                .filter(p -> p.get("kind").asString().equals("MISSING_IN_AULA"))
                .filter(p -> p.get("detail").asString().contains(String.valueOf(missing.number())))
                .findFirst()
                .orElseThrow();
        assertThat(flagged.get("studentId").isNull()).isTrue();
        assertThat(flagged.get("guidance").asString()).contains("impórtelo con su RUN");
        assertThat(flagged.get("fixUrl").asString()).isEqualTo("/escuelas/24680-8/importar");

        String csv = "tipo,identificador,nombres,apellido_paterno,apellido_materno,curso,fecha_matricula\n" + "RUN,"
                + missing.plain() + ",Josefa,Tapia,Reyes,5° Básico A,"
                + directory.schoolYear(fifth.schoolYearId()).orElseThrow().startsOn() + "\n";
        assertThat(rosterImport
                        .importFile(scene.school(), csv.getBytes(StandardCharsets.UTF_8), "director")
                        .problems())
                .isEmpty();
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));
        JsonNode resent = scene.awaitFinal(director(), scene.requestSync(director(), day, day));

        assertThat(SendingAttendanceToSigeIntegrationTest.submission(resent, 110, 5)
                        .get("state")
                        .asString())
                .isEqualTo("SYNCED");
        assertThat(problems(runCheck()))
                .noneMatch(p -> p.get("detail").asString().contains("27500003"));
    }

    @Test
    void sigeDownDuringTheCheckLeavesItIncompleteWithTheRetryTimeAndMarksNobody() {
        scene.freshSige(false);
        ApiClient.Response previous = director().get("/api/v1/schools/24680-8/sige/checks/latest");
        int before = previous.status() == 200 ? previous.json().get("problems").size() : 0;
        scene.simulator().putFaults(Map.of("httpErrorRate", 1.0));

        JsonNode incomplete = runCheckUntil("INCOMPLETE");
        String page = awaitPage("/escuelas/24680-8/sige/revision", "Revisión incompleta");
        scene.simulator().putFaults(Map.of("httpErrorRate", 0.0));
        JsonNode done = awaitState("DONE");

        assertThat(incomplete.get("nextRetryAt").isNull()).isFalse();
        assertThat(incomplete.get("checked").asInt())
                .isLessThan(incomplete.get("total").asInt());
        assertThat(incomplete.get("problems").size())
                .as("nobody is marked wrong for SIGE's outage")
                .isEqualTo(before);
        assertThat(page).contains("Aula reintentará el");
        assertThat(done.get("checked").asInt()).isEqualTo(done.get("total").asInt());
    }

    /** The check retries on its own while SIGE is down, so the page is read until it shows the pause. */
    private String awaitPage(String path, String text) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String page = "";
        while (Instant.now().isBefore(until)) {
            page = pageOf(path);
            if (page.contains(text)) {
                return page;
            }
            sleep(100);
        }
        throw new AssertionError("the page never showed «" + text + "»: " + page);
    }

    @Test
    void anIdentifierCorrectedWhileACheckRunsIsNeverJudgedByTheAnswerAboutTheOldOne() {
        scene.freshSige(false);
        scene.simulator().putFaults(Map.of("responseDelayMs", 20));
        LocalDate today = LocalDate.now(clock);
        EnrolledStudent student =
                directory.studentsEnrolled(courseOf(2).id(), today).get(3);
        Run unknown = new Run(27_600_007, Run.checkDigitOf(27_600_007));

        director().post("/api/v1/schools/24680-8/sige/checks", "{}");
        ApiClient.Response corrected = director()
                .put("/api/v1/students/" + student.studentId() + "/identifier", """
                {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"RUN mal digitado"}""".formatted(
                                unknown.number(), unknown.dv(), today));
        JsonNode first = awaitState("DONE");
        scene.simulator().putFaults(Map.of("responseDelayMs", 0));
        JsonNode second = runCheck();

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(problems(first))
                .filteredOn(p -> p.get("studentId").asLong() == student.studentId())
                .allMatch(p -> p.get("detail").asString().contains(unknown.formatted()));
        assertThat(problemOf(second, student.studentId()).get("kind").asString())
                .isEqualTo("UNKNOWN_TO_SIGE");
        director().put("/api/v1/students/" + student.studentId() + "/identifier", """
                {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"Vuelve al RUN correcto"}""".formatted(
                student.identifier().run().number(), student.identifier().run().dv(), today));
    }

    @Test
    void aSchoolOf3000StudentsIsCheckedWithinTheRateLimitShowingProgress() {
        School big = bigSchool(3000);
        ApiClient bigDirector = ApiClient.as(port, "director-grande", "clave-grande");
        Instant started = Instant.now();

        ApiClient.Response start = bigDirector.post("/api/v1/schools/" + big.rbdText() + "/sige/checks", "{}");
        List<Integer> progress = new ArrayList<>();
        JsonNode check;
        do {
            sleep(300);
            check = bigDirector
                    .get("/api/v1/schools/" + big.rbdText() + "/sige/checks/latest")
                    .json();
            progress.add(check.get("checked").asInt());
        } while (!check.get("state").asString().equals("DONE")
                && Duration.between(started, Instant.now()).toSeconds() < 120);
        Duration took = Duration.between(started, Instant.now());

        assertThat(start.status()).isEqualTo(202);
        assertThat(check.get("state").asString()).isEqualTo("DONE");
        assertThat(check.get("checked").asInt()).isEqualTo(3000);
        assertThat(check.get("total").asInt()).isEqualTo(3000);
        assertThat(progress).anyMatch(checked -> checked > 0 && checked < 3000);
        // The test rate is 200 calls per second: 3,000 calls cannot take less than about 15 seconds.
        assertThat(took).isGreaterThan(Duration.ofSeconds(13));
        assertThat(problems(check)).isEmpty();
    }

    private School bigSchool(int students) {
        long owner = records.createOwner(new Run(77_000_001, Run.checkDigitOf(77_000_001)), "Fundación Grande");
        School school = records.createSchool(owner, 30_001, "Liceo Grande", "Particular subvencionado", 2);
        var span = cl.aula.demo.DemoData.yearAround(LocalDate.now(clock));
        SchoolYear year = records.createSchoolYear(school.id(), span.year(), span.startsOn(), span.endsOn());
        List<Course> courses = new ArrayList<>();
        for (int grade = 1; grade <= 4; grade++) {
            for (String letter : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
                courses.add(records.createCourse(year, 310, grade, letter, "Mañana"));
            }
        }
        StringBuilder csv = new StringBuilder(
                "tipo,identificador,nombres,apellido_paterno,apellido_materno,curso,fecha_matricula\n");
        List<SimulatorControl.Enrolled> believed = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            int number = 29_000_000 + i;
            Course course = courses.get(i % courses.size());
            Run run = new Run(number, Run.checkDigitOf(number));
            csv.append("RUN,")
                    .append(run.plain())
                    .append(",Alumno ")
                    .append(i)
                    .append(",Grande,Liceo,")
                    .append(course.name())
                    .append(',')
                    .append(span.startsOn())
                    .append('\n');
            believed.add(new SimulatorControl.Enrolled(
                    number, run.dv(), 310, course.gradeCode(), course.letter(), span.startsOn(), null));
        }
        assertThat(rosterImport
                        .importFile(school, csv.toString().getBytes(StandardCharsets.UTF_8), "test")
                        .problems())
                .isEmpty();
        long staff = accounts.create("director-grande", "Directora Grande", "clave-grande");
        accounts.setRole(staff, school.id(), cl.aula.security.Role.DIRECTOR, true, "test");
        agreements.save(school.id(), 5002, "token-grande", true, "test");
        scene.simulator().putAgreement(5002, 1001, "token-grande", List.of(30_001));
        scene.simulator().putEnrollment(30_001, believed);
        return school;
    }

    private EnrolledStudent anIpeStudent(LocalDate day) {
        return scene.courses().stream()
                .filter(c -> c.teachingTypeCode() == 110 && c.gradeCode() == 2)
                .flatMap(c -> directory.studentsEnrolled(c.id(), day).stream())
                .filter(s -> s.identifier().type() == IdentifierType.IPE)
                .findFirst()
                .orElseThrow();
    }

    private Course courseOf(int grade) {
        return scene.courses().stream()
                .filter(c -> c.teachingTypeCode() == 110 && c.gradeCode() == grade)
                .findFirst()
                .orElseThrow();
    }

    private JsonNode runCheck() {
        ApiClient.Response start = director().post("/api/v1/schools/24680-8/sige/checks", "{}");
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        return awaitState("DONE");
    }

    private JsonNode runCheckUntil(String state) {
        director().post("/api/v1/schools/24680-8/sige/checks", "{}");
        return awaitState(state);
    }

    private JsonNode awaitState(String state) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            ApiClient.Response latest = director().get("/api/v1/schools/24680-8/sige/checks/latest");
            if (latest.status() == 200 && latest.json().get("state").asString().equals(state)) {
                return latest.json();
            }
            sleep(200);
        }
        throw new AssertionError("the check did not reach " + state);
    }

    private String pageOf(String path) {
        try {
            return mvc.perform(get(path).with(user(accounts.loadUserByUsername("director"))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> problems(JsonNode check) {
        List<JsonNode> problems = new ArrayList<>();
        check.get("problems").forEach(problems::add);
        return problems;
    }

    private static JsonNode problemOf(JsonNode check, long studentId) {
        return problems(check).stream()
                .filter(p -> !p.get("studentId").isNull() && p.get("studentId").asLong() == studentId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("student " + studentId + " not flagged in " + check));
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
