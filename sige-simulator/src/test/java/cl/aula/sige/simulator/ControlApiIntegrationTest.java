package cl.aula.sige.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlApiIntegrationTest extends SimulatorIntegrationTestBase {

    @Test
    void healthAnswersUpOnceTheSimulatorServes() throws Exception {
        assertThat(getJson("/admin/health").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void anAgreementIsReadBackAndAnUnknownOneIsNotFound() throws Exception {
        putOk("/admin/agreements/4", "{\"clientId\": 3, \"token\": \"T\", \"rbds\": [2, 1]}");

        assertThat(getJson("/admin/agreements/4").toString())
                .isEqualTo("{\"clientId\":3,\"token\":\"T\",\"rbds\":[1,2]}");
        assertThat(get("/admin/agreements/5").statusCode()).isEqualTo(404);
    }

    @Test
    void anEnrollmentIsReadBackWithItsLettersAndCheckDigitsNormalized() throws Exception {
        putOk("/admin/schools/12345/enrollment", """
                [{"run": {"numero": 10000013, "dv": "k"}, "teachingTypeCode": 110, "gradeCode": 1, "letter": " a",
                  "enrolledOn": "2026-03-01"}]""");

        JsonNode enrollment = getJson("/admin/schools/12345/enrollment");

        assertThat(enrollment.toString())
                .isEqualTo("[{\"run\":{\"numero\":10000013,\"dv\":\"K\"},\"teachingTypeCode\":110,\"gradeCode\":1,"
                        + "\"letter\":\"A\",\"enrolledOn\":\"2026-03-01\",\"withdrawnOn\":null}]");
        assertThat(get("/admin/schools/999/enrollment").statusCode()).isEqualTo(404);
    }

    @Test
    void anEnrollmentSigeCouldNotHoldIsRefusedNamingEveryProblem() throws Exception {
        HttpResponse<String> response = put("/admin/schools/12345/enrollment", """
                [{"run": {"numero": 12345678, "dv": "4"}, "teachingTypeCode": 110, "gradeCode": 1, "letter": "A",
                  "enrolledOn": "2026-03-01"},
                 {"run": {"numero": 12345678, "dv": "5"}, "teachingTypeCode": 110, "gradeCode": 1,
                  "enrolledOn": "2026-03-01", "withdrawnOn": "2026-03-01"}]""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").toString())
                .contains("entry 0: run 12345678-4 has a wrong check digit")
                .contains("entry 1: letter is required")
                .contains("entry 1: withdrawnOn must be after enrolledOn");
        assertThat(get("/admin/schools/12345/enrollment").statusCode()).isEqualTo(404);
    }

    @Test
    void aDeclarationPeriodClosingMovesTheOpenMonth() throws Exception {
        putOk("/admin/clock", "{\"now\": \"2026-03-03T12:00:00-03:00\"}");
        assertThat(getJson("/admin/open-month").get("openMonth").asString()).isEqualTo("2026-02");

        putOk("/admin/declaration-periods/2026-02", "{\"closesAt\": \"2026-03-02T17:00:00-03:00\"}");

        JsonNode open = getJson("/admin/open-month");
        assertThat(open.get("openMonth").asString()).isEqualTo("2026-03");
        assertThat(open.get("closesAt").asString()).isEqualTo("2026-04-05T17:00:00-04:00");
        assertThat(getJson("/admin/declaration-periods/2026-02").get("set").asBoolean())
                .isTrue();
        assertThat(put("/admin/declaration-periods/marzo", "{\"closesAt\": \"2026-04-02T17:00:00-03:00\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theClockIsFixedUntilReleased() throws Exception {
        putOk("/admin/clock", "{\"now\": \"2026-03-10T10:00:00-03:00\"}");
        JsonNode fixed = getJson("/admin/clock");

        assertThat(fixed.get("now").asString()).isEqualTo("2026-03-10T10:00:00-03:00");
        assertThat(fixed.get("fixed").asBoolean()).isTrue();
        assertThat(delete("/admin/clock").statusCode()).isEqualTo(204);
        assertThat(getJson("/admin/clock").get("fixed").asBoolean()).isFalse();
    }

    @Test
    void faultSettingsOutOfRangeAreRefusedAndLeftOutOnesTakeTheirDefault() throws Exception {
        HttpResponse<String> refused = put("/admin/faults", "{\"dropRate\": 1.5, \"responseDelayMs\": -1}");
        putOk("/admin/faults", "{\"dropRate\": 0.25}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors")).hasSize(2);
        JsonNode settings = getJson("/admin/faults");
        assertThat(settings.get("dropRate").asDouble()).isEqualTo(0.25);
        assertThat(settings.get("processingDelayMs").asLong()).isEqualTo(1_000);
        assertThat(settings.get("semillaTtlSeconds").asLong()).isEqualTo(1_800);
    }

    @Test
    void resetForgetsEverything() throws Exception {
        putOk("/admin/agreements/4", SigeScene.agreementJson());
        putOk("/admin/schools/12345/enrollment", SigeScene.enrollmentJson());
        putOk("/admin/clock", "{\"now\": \"2026-03-10T10:00:00-03:00\"}");
        putOk("/admin/faults", "{\"dropRate\": 0.5}");
        putOk("/admin/declaration-periods/2026-02", "{\"closesAt\": \"2026-03-02T17:00:00-03:00\"}");

        assertThat(post("/admin/reset", "").statusCode()).isEqualTo(204);

        assertThat(get("/admin/agreements/4").statusCode()).isEqualTo(404);
        assertThat(get("/admin/schools/12345/enrollment").statusCode()).isEqualTo(404);
        assertThat(getJson("/admin/clock").get("fixed").asBoolean()).isFalse();
        assertThat(getJson("/admin/faults").get("dropRate").asDouble()).isZero();
        assertThat(getJson("/admin/declaration-periods/2026-02").get("set").asBoolean())
                .isFalse();
        assertThat(getJson("/admin/submissions")).isEmpty();
        JsonNode stats = getJson("/admin/stats");
        assertThat(stats.get("operations")).isEmpty();
        assertThat(stats.get("storedStudentDays").asLong()).isZero();
    }

    @Test
    void eachPortsWsdlIsServedWithThisSimulatorsAddressAndItsSchemaBeside() throws Exception {
        HttpResponse<String> wsdl = get("/WsApiMineduc/wsdl/AsistenciaSigeSoapPort.wsdl");

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(wsdl.body())
                .contains("<soap:address location=\"" + baseUrl() + "/WsApiMineduc/services/AsistenciaSigeSoapPort\"/>")
                .contains("schemaLocation=\"../xsd/AsistenciaSige.xsd\"");
        assertThat(get("/WsApiMineduc/xsd/AsistenciaSige.xsd").body()).contains("EntradaAddAsistenciaSige");
        assertThat(get("/WsApiMineduc/wsdl/SemillaServiciosSoapPort.wsdl").statusCode())
                .isEqualTo(200);
        assertThat(get("/WsApiMineduc/wsdl/ValidaAlumnoSigeSoapPort.wsdl").statusCode())
                .isEqualTo(200);
        assertThat(get("/WsApiMineduc/wsdl/CursoSigeSoapPort.wsdl").statusCode())
                .isEqualTo(404);
    }
}
