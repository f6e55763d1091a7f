package cl.aula.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.common.Run;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AulaIntegrationTest
class IdentifierCorrectionIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    @Test
    void replacesAProvisionalIpeByTheRunAndKeepsTheOldOneInTheHistory() {
        LocalDate today = LocalDate.now(clock);
        long student = fixtures.demoStudent(IdentifierType.IPE);
        Run run = fixtures.unusedRun();

        ApiClient.Response response = ApiClient.as(port, "asistencia", "demo")
                .put("/api/v1/students/" + student + "/identifier", """
                        {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"RUN definitivo entregado por el Registro Civil"}""".formatted(run.number(), run.dv(), today));

        assertThat(response.status()).isEqualTo(200);
        assertThat(directory.identifierOn(student, today).orElseThrow().run()).isEqualTo(run);
        assertThat(directory
                        .identifierOn(student, today.minusDays(1))
                        .orElseThrow()
                        .type())
                .isEqualTo(IdentifierType.IPE);
        var history = directory.identifierHistory(student);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).recordedBy()).isEqualTo("asistencia");
        assertThat(history.get(1).reason()).isEqualTo("RUN definitivo entregado por el Registro Civil");
    }

    @Test
    void aCorrectionReachingBackBeforeTheCurrentIdentifierSupersedesItWithoutDeletingIt() {
        long student = fixtures.demoStudent(IdentifierType.IPE);
        var original = directory.identifierHistory(student).get(0);
        Run run = fixtures.unusedRun();

        ApiClient.Response response = ApiClient.as(port, "director", "demo")
                .put("/api/v1/students/" + student + "/identifier", """
                        {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"Siempre tuvo RUN"}""".formatted(
                                run.number(), run.dv(), original.validFrom()));

        assertThat(response.status()).isEqualTo(200);
        var history = directory.identifierHistory(student);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).superseded()).isTrue();
        assertThat(directory
                        .identifierOn(student, original.validFrom())
                        .orElseThrow()
                        .run())
                .isEqualTo(run);
    }

    @Test
    void refusesAWrongCheckDigitShowingTheExpectedOneAndChangesNothing() {
        long student = fixtures.demoStudent(IdentifierType.RUN);
        var before = directory.identifierHistory(student);

        ApiClient.Response response = ApiClient.as(port, "director", "demo")
                .put("/api/v1/students/" + student + "/identifier", """
                        {"type":"RUN","number":12345678,"dv":"9","validFrom":"%s","reason":"x"}""".formatted(LocalDate.now(clock)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("debería ser 12.345.678-5");
        assertThat(directory.identifierHistory(student)).isEqualTo(before);
    }

    @Test
    void refusesACorrectionWithoutReasonOrDateListingEveryProblem() {
        long student = fixtures.demoStudent(IdentifierType.RUN);

        ApiClient.Response response =
                ApiClient.as(port, "director", "demo").put("/api/v1/students/" + student + "/identifier", """
                        {"type":"RUN","number":12345678,"dv":"5"}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").size()).isEqualTo(2);
        assertThat(response.body()).contains("motivo").contains("desde qué fecha");
    }

    @Test
    void refusesTheIdentifierOfAnotherStudentOfTheSchool() {
        long student = fixtures.demoStudent(IdentifierType.RUN);
        long other = student + 1;
        Run taken = directory
                .identifierOn(other, LocalDate.now(clock))
                .orElseThrow()
                .run();

        ApiClient.Response response = ApiClient.as(port, "director", "demo")
                .put("/api/v1/students/" + student + "/identifier", """
                        {"type":"RUN","number":%d,"dv":"%s","validFrom":"%s","reason":"x"}""".formatted(
                                taken.number(), taken.dv(), LocalDate.now(clock)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).startsWith("Otro alumno del establecimiento ya tiene");
    }

    @Test
    void aTeacherMayNotCorrectIdentifiers() {
        long student = fixtures.demoStudent(IdentifierType.RUN);

        ApiClient.Response response =
                ApiClient.as(port, "profesor", "demo").put("/api/v1/students/" + student + "/identifier", "{}");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aDirectorOfAnotherSchoolGetsNotFound() {
        long student = fixtures.demoStudent(IdentifierType.RUN);

        ApiClient.Response response =
                ApiClient.as(port, "director2", "demo").put("/api/v1/students/" + student + "/identifier", "{}");

        assertThat(response.status()).isEqualTo(404);
    }
}
