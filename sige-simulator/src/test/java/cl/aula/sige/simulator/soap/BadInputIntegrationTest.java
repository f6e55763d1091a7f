package cl.aula.sige.simulator.soap;

import static cl.aula.sige.simulator.SigeScene.AGREEMENT_ID;
import static cl.aula.sige.simulator.SigeScene.CLIENT_ID;
import static cl.aula.sige.simulator.SigeScene.RBD;
import static cl.aula.sige.simulator.SigeScene.SCHOOL_DAY;
import static cl.aula.sige.simulator.SigeScene.STUDENT_2;
import static cl.aula.sige.simulator.SigeScene.STUDENT_3;
import static cl.aula.sige.simulator.SigeScene.STUDENT_K;
import static cl.aula.sige.simulator.SigeScene.runXml;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.DIDO;
import static cl.aula.sige.simulator.soap.VendorEnvelopes.WWWFS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BadInputIntegrationTest extends SoapIntegrationTestBase {

    private static final String EVERYONE =
            runXml("sch", STUDENT_K) + runXml("sch", STUDENT_2) + runXml("sch", STUDENT_3);

    @Test
    void malformedXmlIsAnsweredWithAClientFault() throws Exception {
        String truncated = VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, "TESTSIGE")
                .substring(0, 300);

        HttpResponse<String> response = soap(SEMILLA_PORT, truncated);

        assertClientFault(response, "XML MAL FORMADO");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(getJson("/admin/stats").at("/transportFaults/MALFORMED_XML").asLong())
                .isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotXmlAtAllIsAnsweredWithAClientFault() throws Exception {
        assertClientFault(soap(ASISTENCIA_PORT, "hola"), "XML MAL FORMADO");
    }

    @Test
    void aDocumentInAWrongNamespaceIsAnsweredWithAClientFault() throws Exception {
        String wrong = VendorEnvelopes.semilla("http://www.mineduc.cl/Archivos/Schemas/", CLIENT_ID, AGREEMENT_ID, "x");

        assertClientFault(soap(SEMILLA_PORT, wrong), "ESPACIO DE NOMBRES NO RECONOCIDO");
    }

    @Test
    void anElementInAWrongNamespaceInsideADocumentIsAnsweredWithAClientFault() throws Exception {
        String semilla = semilla();
        String wrongRun = "<x:Run xmlns:x=\"http://example.com/\"><x:numero>1</x:numero><x:dv>9</x:dv></x:Run>";

        HttpResponse<String> response =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", wrongRun, "", semilla));

        assertClientFault(response, "ESPACIO DE NOMBRES NO RECONOCIDO EN Run");
    }

    @Test
    void aMissingSemillaIsAnsweredWithCode6() throws Exception {
        HttpResponse<String> response =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistenciaWithoutSemilla(DIDO, RBD, SCHOOL_DAY, EVERYONE));

        assertSoapAnswer(response);
        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("6");
        assertThat(texts(response.body(), "Mensaje")).containsExactly("SEMILLA NO VALIDA O EXPIRADA.");
    }

    @Test
    void anUnknownSemillaIsAnsweredWithCode6() throws Exception {
        HttpResponse<String> response =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", "NOPE"));

        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("6");
    }

    @Test
    void aRunWithAWrongCheckDigitIsAValidationMessage() throws Exception {
        String semilla = semilla();
        String wrongDv = "<sch:Run><sch:numero>12345678</sch:numero><sch:dv>1</sch:dv></sch:Run>";
        String notADigit = "<sch:Run><sch:numero>10000013</sch:numero><sch:dv>X</sch:dv></sch:Run>";

        HttpResponse<String> response = soap(
                ASISTENCIA_PORT,
                VendorEnvelopes.addAsistencia(
                        DIDO, RBD, SCHOOL_DAY, "A", wrongDv + runXml("sch", STUDENT_3), notADigit, semilla));

        assertSoapAnswer(response);
        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("2");
        assertThat(texts(response.body(), "Mensaje"))
                .containsExactly(
                        "LETRA CURSO (A) RUN 12345678-1 DIGITO VERIFICADOR INCORRECTO.",
                        "LETRA CURSO (A) RUN 10000013-X DIGITO VERIFICADOR INCORRECTO.");
    }

    @Test
    void emptyCursosIsAValidationMessage() throws Exception {
        HttpResponse<String> response =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistenciaWithoutCourses(DIDO, RBD, SCHOOL_DAY, semilla()));

        assertSoapAnswer(response);
        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("2");
        assertThat(texts(response.body(), "Mensaje")).containsExactly("NO SE INFORMARON CURSOS.");
    }

    @Test
    void aDateOutsideTheOpenMonthIsAValidationMessage() throws Exception {
        HttpResponse<String> response = soap(
                ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, "2026-02-27", "A", EVERYONE, "", semilla()));

        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("2");
        assertThat(texts(response.body(), "Mensaje"))
                .containsExactly(
                        "FECHA DE ASISTENCIA (2026-02-27) FUERA DEL PERIODO DE DECLARACION VIGENTE (2026-03).");
    }

    @Test
    void thePreviousMonthCanBeSentUntilItsPeriodClosesAndTheNewOneCannot() throws Exception {
        putOk("/admin/clock", "{\"now\": \"2026-03-04T09:00:00-03:00\"}");
        String semilla = semilla();

        HttpResponse<String> february =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, "2026-02-27", "A", "", "", semilla));
        HttpResponse<String> march = soap(
                ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, "2026-03-03", "A", EVERYONE, "", semilla));

        assertThat(text(february.body(), "CodigoRespuestaAsistencia")).isEqualTo("1");
        assertThat(text(march.body(), "CodigoRespuestaAsistencia")).isEqualTo("2");
        assertThat(texts(march.body(), "Mensaje")).anyMatch(m -> m.contains("(2026-02)"));
    }

    @Test
    void aCourseLetterSigeDoesNotKnowIsAValidationMessage() throws Exception {
        HttpResponse<String> response = soap(
                ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "C", EVERYONE, "", semilla()));

        assertThat(text(response.body(), "CodigoRespuestaAsistencia")).isEqualTo("2");
        assertThat(texts(response.body(), "Mensaje"))
                .containsExactly("LETRA CURSO (C) NO EXISTE PARA TIPO DE ENSENANZA 110 GRADO 1.");
    }

    @Test
    void anRbdWrittenWithItsCheckDigitBreaksTheSchemaAndIsAClientFault() throws Exception {
        String envelope = VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", EVERYONE, "", semilla())
                .replace("<sch:RBD>12345</sch:RBD>", "<sch:RBD>12345-6</sch:RBD>");

        assertClientFault(soap(ASISTENCIA_PORT, envelope), "NO CUMPLE EL ESQUEMA");
    }

    @Test
    void anUnknownSubmissionCodeInTheReportIsCode3() throws Exception {
        HttpResponse<String> response = soap(ASISTENCIA_PORT, VendorEnvelopes.reporte(DIDO, RBD, "999", semilla()));

        assertSoapAnswer(response);
        assertThat(text(response.body(), "CodigoRespuestaReporteEnvioAsistencia"))
                .isEqualTo("3");
        assertThat(texts(response.body(), "Mensaje")).containsExactly("CODIGO DE ENVIO NO EXISTE.");
    }

    @Test
    void aSchoolSigeDoesNotKnowIsCode3AndASchoolTheAgreementDoesNotLinkIsCode4() throws Exception {
        putOk("/admin/agreements/" + AGREEMENT_ID, "{\"clientId\": 3, \"token\": \"TESTSIGE\", \"rbds\": [777]}");
        putOk("/admin/schools/888/enrollment", "[]");
        String semilla = semilla();

        HttpResponse<String> unknownSchool =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, 777, SCHOOL_DAY, "A", EVERYONE, "", semilla));
        HttpResponse<String> notLinked =
                soap(ASISTENCIA_PORT, VendorEnvelopes.addAsistencia(DIDO, 888, SCHOOL_DAY, "A", EVERYONE, "", semilla));

        assertThat(text(unknownSchool.body(), "CodigoRespuestaAsistencia")).isEqualTo("3");
        assertThat(text(notLinked.body(), "CodigoRespuestaAsistencia")).isEqualTo("4");
    }

    @Test
    void unknownCredentialsAreAClientFault() throws Exception {
        HttpResponse<String> wrongToken =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, "WRONG"));
        HttpResponse<String> otherProvider =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(WWWFS, 99, AGREEMENT_ID, "TESTSIGE"));

        assertClientFault(wrongToken, "CREDENCIALES DE CONVENIO NO VALIDAS");
        assertClientFault(otherProvider, "CREDENCIALES DE CONVENIO NO VALIDAS");
    }

    @Test
    void anOperationSentToAPortThatDoesNotOfferItIsAClientFault() throws Exception {
        HttpResponse<String> response =
                soap(ASISTENCIA_PORT, VendorEnvelopes.semilla(WWWFS, CLIENT_ID, AGREEMENT_ID, "TESTSIGE"));

        assertClientFault(response, "OPERACION NO DISPONIBLE EN AsistenciaSigeSoapPort");
    }

    @Test
    void aBodyOverTenMegabytesIsRefusedWith413() throws Exception {
        String huge = hugeEnvelope();

        HttpResponse<String> withLength = soap(ASISTENCIA_PORT, huge);

        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(getJson("/admin/stats").at("/transportFaults/TOO_LARGE").asLong())
                .isEqualTo(1);
    }

    @Test
    void aChunkedBodyOverTenMegabytesIsRefusedWith413() throws Exception {
        byte[] huge = hugeEnvelope().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/WsApiMineduc/services/" + ASISTENCIA_PORT))
                .header("Content-Type", "text/xml; charset=utf-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> chunked = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    /** A valid attendance envelope padded with enough students to pass 10 MB. */
    private String hugeEnvelope() throws Exception {
        String run = runXml("sch", STUDENT_K);
        int copies = 10 * 1024 * 1024 / run.length() + 1_000;
        return VendorEnvelopes.addAsistencia(DIDO, RBD, SCHOOL_DAY, "A", run.repeat(copies), "", "x");
    }
}
