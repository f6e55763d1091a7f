package cl.aula.sige.simulator.soap;

import static cl.aula.sige.simulator.SigeScene.AGREEMENT_ID;
import static cl.aula.sige.simulator.SigeScene.CLIENT_ID;
import static cl.aula.sige.simulator.SigeScene.RBD;
import static cl.aula.sige.simulator.SigeScene.SCHOOL_DAY;
import static cl.aula.sige.simulator.SigeScene.STUDENT_2;
import static cl.aula.sige.simulator.SigeScene.STUDENT_3;
import static cl.aula.sige.simulator.SigeScene.STUDENT_K;
import static cl.aula.sige.simulator.SigeScene.TOKEN;
import static cl.aula.sige.simulator.SigeScene.runXml;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.DIDO;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.WWWFS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultInjectionIntegrationTest extends SoapIntegrationTestBase {

    private static final String EVERYONE =
            runXml("sch", STUDENT_K) + runXml("sch", STUDENT_2) + runXml("sch", STUDENT_3);

    @Test
    void anUnavailableServiceAnswersCode5AndTheSessionCallAServerFault() throws Exception {
        String semilla = semilla();
        putOk("/admin/faults", "{\"unavailableRate\": 1}");

        HttpResponse<String> attendance =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        HttpResponse<String> report = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, "1", semilla));
        HttpResponse<String> session =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN));

        assertSoapAnswer(attendance);
        assertThat(text(attendance.body(), "CodigoRespuestaAsistencia")).isEqualTo("5");
        assertThat(text(report.body(), "CodigoRespuestaReporteEnvioAsistencia")).isEqualTo("5");
        assertThat(session.statusCode()).isEqualTo(500);
        assertThat(text(session.body(), "faultcode")).endsWith(":Server");
        assertThat(text(session.body(), "faultstring")).isEqualTo("SERVICIO NO DISPONIBLE.");
    }

    @Test
    void anInternalErrorAnswersCode7() throws Exception {
        String semilla = semilla();
        putOk("/admin/faults", "{\"internalErrorRate\": 1}");

        HttpResponse<String> attendance =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        HttpResponse<String> check =
                soap(VALIDA_ALUMNO_PORT, VendorEnvelopes.validacion(WWWFS, STUDENT_K.numero(), "K", semilla));

        assertThat(text(attendance.body(), "CodigoRespuestaAsistencia")).isEqualTo("7");
        assertThat(text(check.body(), "ExisteFichaAlumno")).isEqualTo("7");
    }

    @Test
    void httpErrorsAreAnsweredWithAnHtmlPageOf500Or503() throws Exception {
        putOk("/admin/faults", "{\"httpErrorRate\": 1}");
        Set<Integer> statuses = new HashSet<>();

        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response =
                    soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN));
            statuses.add(response.statusCode());
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }

        assertThat(statuses).containsExactlyInAnyOrder(500, 503);
        JsonNode transport = getJson("/admin/stats").get("transportFaults");
        assertThat(transport.get("HTTP_500").asLong()
                        + transport.get("HTTP_503").asLong())
                .isEqualTo(12);
    }

    @Test
    void aDroppedConnectionIsAnIoErrorForTheClient() throws Exception {
        putOk("/admin/faults", "{\"dropRate\": 1}");

        assertThatThrownBy(() -> soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN)))
                .isInstanceOf(IOException.class);
        assertThat(getJson("/admin/stats").at("/transportFaults/DROP").asLong()).isPositive();
    }

    @Test
    void theControlApiIsNeverFaulted() throws Exception {
        putOk("/admin/faults", "{\"dropRate\": 1, \"httpErrorRate\": 1, \"responseDelayMs\": 5000}");

        long start = System.nanoTime();
        assertThat(get("/admin/health").statusCode()).isEqualTo(200);
        assertThat(get("/WsApiMineduc/wsdl/SemillaServiciosSoapPort.wsdl").statusCode())
                .isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
    }

    @Test
    void aResponseDelayHoldsEveryAnswer() throws Exception {
        putOk("/admin/faults", "{\"responseDelayMs\": 400}");

        long start = System.nanoTime();
        HttpResponse<String> response =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN));

        assertSoapAnswer(response);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aSubmissionIsInProcessUntilItsProcessingDelayHasPassedThenProcessedByItself() throws Exception {
        putOk("/admin/faults", "{\"processingDelayMs\": 700}");
        String semilla = semilla();
        HttpResponse<String> added =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        String code = text(added.body(), "CodigoEnvioAsistencia");

        String first = text(
                soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, code, semilla))
                        .body(),
                "CodigoRespuestaReporteEnvioAsistencia");
        String later = first;
        for (int i = 0; i < 100 && later.equals("0"); i++) {
            Thread.sleep(100);
            later = text(
                    soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, code, semilla))
                            .body(),
                    "CodigoRespuestaReporteEnvioAsistencia");
        }

        assertThat(first).isEqualTo("0");
        assertThat(later).isEqualTo("1");
    }

    @Test
    void aSemillaExpiresAfterItsLifetimeAndANewOneWorks() throws Exception {
        putOk("/admin/faults", "{\"semillaTtlSeconds\": 60}");
        String semilla = semilla();
        putOk("/admin/clock", "{\"now\": \"2026-03-10T10:01:01-03:00\"}");

        HttpResponse<String> expired =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        HttpResponse<String> renewed = soap(
                ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla()));

        assertThat(text(expired.body(), "CodigoRespuestaAsistencia")).isEqualTo("6");
        assertThat(text(renewed.body(), "CodigoRespuestaAsistencia")).isEqualTo("1");
    }

    @Test
    void theSameSeedGivesTheSameFaultsCallAfterCall() throws Exception {
        List<String> firstRun = sessionOutcomes();
        List<String> secondRun = sessionOutcomes();

        assertThat(firstRun).isEqualTo(secondRun).contains("OK", "FAULT");
    }

    private List<String> sessionOutcomes() throws Exception {
        putOk("/admin/faults", "{\"unavailableRate\": 0.5, \"randomSeed\": 7}");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int status = soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN))
                    .statusCode();
            outcomes.add(status == 200 ? "OK" : "FAULT");
        }
        return outcomes;
    }

    @Test
    void statisticsCountCallsPerOperationAndAnswerCode() throws Exception {
        String semilla = semilla();
        soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        putOk("/admin/faults", "{\"unavailableRate\": 1, \"processingDelayMs\": 600000}");
        soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla));

        JsonNode stats = getJson("/admin/stats");

        assertThat(stats.at("/operations/getSemillaServicios/calls").asLong()).isEqualTo(1);
        assertThat(stats.at("/operations/getSemillaServicios/codes/OK").asLong())
                .isEqualTo(1);
        assertThat(stats.at("/operations/addAsistencia/calls").asLong()).isEqualTo(2);
        assertThat(stats.at("/operations/addAsistencia/codes/1").asLong()).isEqualTo(1);
        assertThat(stats.at("/operations/addAsistencia/codes/5").asLong()).isEqualTo(1);
        assertThat(stats.get("queuedSubmissions").asInt()).isEqualTo(1);
    }
}
