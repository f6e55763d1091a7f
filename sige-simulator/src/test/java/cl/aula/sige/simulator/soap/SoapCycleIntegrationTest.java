package cl.aula.sige.simulator.soap;

import static cl.aula.sige.simulator.SigeScene.AGREEMENT_ID;
import static cl.aula.sige.simulator.SigeScene.CLIENT_ID;
import static cl.aula.sige.simulator.SigeScene.RBD;
import static cl.aula.sige.simulator.SigeScene.SCHOOL_DAY;
import static cl.aula.sige.simulator.SigeScene.STUDENT_2;
import static cl.aula.sige.simulator.SigeScene.STUDENT_3;
import static cl.aula.sige.simulator.SigeScene.STUDENT_K;
import static cl.aula.sige.simulator.SigeScene.TOKEN;
import static cl.aula.sige.simulator.SigeScene.WITHDRAWN;
import static cl.aula.sige.simulator.SigeScene.runXml;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.DIDO;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.WWWFS;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.sige.simulator.enrollment.Run;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

class SoapCycleIntegrationTest extends SoapIntegrationTestBase {

    @Test
    void aDayGoesFromInProcessThroughFaltanteToSyncedAndSigeHoldsIt() throws Exception {
        String semilla = semilla();

        // A first send forgets STUDENT_3; the DV K is sent in lower case, as some clients did.
        HttpResponse<String> added = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        DIDO,
                        RBD,
                        SCHOOL_DAY,
                        "A",
                        runXml("sch", STUDENT_K).replace(">K<", ">k<"),
                        runXml("sch", STUDENT_2),
                        semilla));
        assertSoapAnswer(added);
        assertThat(text(added.body(), "CodigoRespuestaAsistencia")).isEqualTo("1");
        String firstCode = text(added.body(), "CodigoEnvioAsistencia");

        HttpResponse<String> inProcess = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, firstCode, semilla));
        assertSoapAnswer(inProcess);
        assertThat(text(inProcess.body(), "CodigoRespuestaReporteEnvioAsistencia"))
                .isEqualTo("0");

        processQueued();
        HttpResponse<String> rejected = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, firstCode, semilla));
        assertThat(text(rejected.body(), "CodigoRespuestaReporteEnvioAsistencia"))
                .isEqualTo("3");
        assertThat(texts(rejected.body(), "Mensaje"))
                .containsExactly("LETRA CURSO (A) RUN " + STUDENT_3.numero() + " FALTANTE.");
        assertThat(getJson("/admin/attendance?rbd=" + RBD + "&date=" + SCHOOL_DAY))
                .isEmpty();

        HttpResponse<String> resent = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        DIDO,
                        RBD,
                        SCHOOL_DAY,
                        "A",
                        runXml("sch", STUDENT_K) + runXml("sch", STUDENT_3),
                        runXml("sch", STUDENT_2),
                        semilla));
        assertThat(text(resent.body(), "CodigoRespuestaAsistencia")).isEqualTo("1");
        String secondCode = text(resent.body(), "CodigoEnvioAsistencia");
        assertThat(secondCode).isNotEqualTo(firstCode);

        processQueued();
        HttpResponse<String> synced = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, secondCode, semilla));
        assertThat(text(synced.body(), "CodigoRespuestaReporteEnvioAsistencia")).isEqualTo("1");
        assertThat(texts(synced.body(), "Mensaje")).isEmpty();

        JsonNode held = getJson("/admin/attendance?rbd=" + RBD + "&date=" + SCHOOL_DAY);
        assertThat(held).hasSize(1);
        JsonNode course = held.get(0);
        assertThat(course.get("letter").asString()).isEqualTo("A");
        assertThat(course.get("teachingTypeCode").asInt()).isEqualTo(110);
        assertThat(course.get("submissionCode").asString()).isEqualTo(secondCode);
        assertThat(course.get("present").toString())
                .isEqualTo("[{\"numero\":10000013,\"dv\":\"K\"},{\"numero\":" + STUDENT_3.numero() + ",\"dv\":\""
                        + STUDENT_3.dv() + "\"}]");
        assertThat(course.get("absent").toString()).isEqualTo("[{\"numero\":12345678,\"dv\":\"5\"}]");
    }

    @Test
    void answersInTheNamespaceTheRequestCameIn() throws Exception {
        HttpResponse<String> semillaInDido =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(DIDO, CLIENT_ID, AGREEMENT_ID, TOKEN));
        Element semillaAnswer = bodyPayload(semillaInDido.body());
        assertThat(semillaAnswer.getLocalName()).isEqualTo("SemillaServicios");
        assertThat(semillaAnswer.getNamespaceURI()).isEqualTo(DIDO);
        String semilla = semillaAnswer.getTextContent().trim();

        HttpResponse<String> attendanceInWwwfs = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        WWWFS,
                        RBD,
                        SCHOOL_DAY,
                        "A",
                        runXml("sch", STUDENT_K) + runXml("sch", STUDENT_2) + runXml("sch", STUDENT_3),
                        "",
                        semilla));
        Element attendanceAnswer = bodyPayload(attendanceInWwwfs.body());
        assertThat(attendanceAnswer.getLocalName()).isEqualTo("SalidaAddAsistenciaSige");
        assertThat(attendanceAnswer.getNamespaceURI()).isEqualTo(WWWFS);
        assertThat(text(attendanceInWwwfs.body(), "CodigoRespuestaAsistencia")).isEqualTo("1");
        String code = text(attendanceInWwwfs.body(), "CodigoEnvioAsistencia");

        HttpResponse<String> reportInWwwfs = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(WWWFS, RBD, code, semilla));
        assertThat(bodyPayload(reportInWwwfs.body()).getNamespaceURI()).isEqualTo(WWWFS);
        HttpResponse<String> reportInDido = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, code, semilla));
        assertThat(bodyPayload(reportInDido.body()).getNamespaceURI()).isEqualTo(DIDO);
    }

    @Test
    void answersCarryNoSoapHeaderSoThatClientsReadingByPositionFindTheCode() throws Exception {
        HttpResponse<String> response =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, TOKEN));

        assertThat(response.body()).doesNotContain("Header");
        Element answer = bodyPayload(response.body());
        assertThat(answer.getPrefix()).isNull();
        assertThat(answer.getFirstChild().getLocalName()).isEqualTo("ValorSemilla");
    }

    @Test
    void aSentRunThatIsNotEnrolledIsAnObservationAndTheRestIsStored() throws Exception {
        String semilla = semilla();

        HttpResponse<String> added = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        DIDO,
                        RBD,
                        SCHOOL_DAY,
                        "A",
                        runXml("sch", STUDENT_K) + runXml("sch", STUDENT_2) + runXml("sch", WITHDRAWN),
                        runXml("sch", STUDENT_3),
                        semilla));
        String code = text(added.body(), "CodigoEnvioAsistencia");
        processQueued();

        HttpResponse<String> report = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, code, semilla));
        assertThat(text(report.body(), "CodigoRespuestaReporteEnvioAsistencia")).isEqualTo("2");
        assertThat(text(report.body(), "Titulo")).isEqualTo("LISTADO DE OBSERVACIONES");
        assertThat(texts(report.body(), "Mensaje"))
                .containsExactly("LETRA CURSO (A) RUN " + WITHDRAWN.numero() + " RETIRADO O NO MATRICULADO.");
        JsonNode held = getJson("/admin/attendance?rbd=" + RBD + "&date=" + SCHOOL_DAY);
        assertThat(held.get(0).get("present")).hasSize(2);
        assertThat(held.get(0).get("present").toString()).doesNotContain(Integer.toString(WITHDRAWN.numero()));
    }

    @Test
    void aResendForTheSameDayReplacesWhatSigeHolds() throws Exception {
        String semilla = semilla();
        String everyone = runXml("sch", STUDENT_K) + runXml("sch", STUDENT_2) + runXml("sch", STUDENT_3);
        soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", everyone, "", semilla));
        processQueued();

        HttpResponse<String> corrected = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        DIDO,
                        RBD,
                        SCHOOL_DAY,
                        "A",
                        runXml("sch", STUDENT_K) + runXml("sch", STUDENT_3),
                        runXml("sch", STUDENT_2),
                        semilla));
        processQueued();

        JsonNode held = getJson("/admin/attendance?rbd=" + RBD + "&date=" + SCHOOL_DAY);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("absent").toString()).contains("12345678");
        assertThat(held.get(0).get("submissionCode").asString())
                .isEqualTo(text(corrected.body(), "CodigoEnvioAsistencia"));
        assertThat(getJson("/admin/stats").get("storedStudentDays").asLong()).isEqualTo(3);
    }

    @Test
    void getValidacionTellsWhetherSigeHasARecordOfTheRun() throws Exception {
        String semilla = semilla();

        HttpResponse<String> known =
                soap(VALIDA_ALUMNO_PORT, VendorEnvelopes.validacion(WWWFS, 10000013, "k", semilla));
        HttpResponse<String> unknown = soap(
                VALIDA_ALUMNO_PORT, VendorEnvelopes.validacion(DIDO, 20000001, Run.checkDigitOf(20000001), semilla));
        HttpResponse<String> invalid =
                soap(VALIDA_ALUMNO_PORT, VendorEnvelopes.validacion(WWWFS, 12345678, "4", semilla));

        assertSoapAnswer(known);
        assertThat(text(known.body(), "ExisteFichaAlumno")).isEqualTo("1");
        assertThat(text(unknown.body(), "ExisteFichaAlumno")).isEqualTo("4");
        assertThat(bodyPayload(unknown.body()).getNamespaceURI()).isEqualTo(DIDO);
        assertThat(text(invalid.body(), "ExisteFichaAlumno")).isEqualTo("5");
    }
}
