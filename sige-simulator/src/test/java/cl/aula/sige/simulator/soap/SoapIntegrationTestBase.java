package cl.aula.sige.simulator.soap;

import static cl.aula.sige.simulator.SigeScene.AGREEMENT_ID;
import static cl.aula.sige.simulator.SigeScene.CLIENT_ID;
import static cl.aula.sige.simulator.SigeScene.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.sige.simulator.SigeScene;
import cl.aula.sige.simulator.SimulatorIntegrationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;

/** Sets {@link SigeScene} up over the control API; submissions are processed only when told. */
abstract class SoapIntegrationTestBase extends SimulatorIntegrationTestBase {

    static final String SEMILLA_PORT = "SemillaServiciosSoapPort";
    static final String ASISTENCIA_PORT = "AsistenciaSigeSoapPort";
    static final String VALIDA_ALUMNO_PORT = "ValidaAlumnoSigeSoapPort";

    @BeforeEach
    void setTheScene() throws Exception {
        putOk("/admin/agreements/" + AGREEMENT_ID, SigeScene.agreementJson());
        putOk("/admin/schools/" + SigeScene.RBD + "/enrollment", SigeScene.enrollmentJson());
        putOk("/admin/clock", "{\"now\": \"" + SigeScene.NOW + "\"}");
        putOk("/admin/faults", "{\"processingDelayMs\": 600000}");
    }

    /** Asks for a semilla the way a cURL client did, and answers its value. */
    String semilla(String namespace) throws Exception {
        HttpResponse<String> response =
                soap(SEMILLA_PORT, VendorEnvelopes.semilla(namespace, CLIENT_ID, AGREEMENT_ID, TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return text(response.body(), "ValorSemilla");
    }

    String semilla() throws Exception {
        return semilla(VendorEnvelopes.WWWFS);
    }

    void processQueued() throws Exception {
        assertThat(post("/admin/submissions/process", "").statusCode()).isEqualTo(200);
    }

    static void assertSoapAnswer(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
    }

    static void assertClientFault(HttpResponse<String> response, String reasonPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(text(response.body(), "faultcode")).endsWith(":Client");
        assertThat(text(response.body(), "faultstring")).contains(reasonPart);
    }
}
