package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AulaIntegrationTest
class AgreementApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supportRegistersAnAgreementWhoseTokenIsNeverShownBackNorStoredInClear() {
        ApiClient support = ApiClient.as(port, "soporte", "demo");

        ApiClient.Response put = support.put(
                "/api/v1/schools/13579-8/sige/agreement",
                "{\"agreementId\":7001,\"token\":\"token-muy-secreto\",\"active\":true}");
        ApiClient.Response get = support.get("/api/v1/schools/13579-8/sige/agreement");

        assertThat(put.status()).isEqualTo(204);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("agreementId").asInt()).isEqualTo(7001);
        assertThat(get.json().get("active").asBoolean()).isTrue();
        assertThat(get.body()).doesNotContain("token-muy-secreto").doesNotContain("\"token\"");
        byte[] stored = jdbc.sql(
                        "select token_ciphertext from interop_agreement a join school s on s.id = a.school_id where s.rbd = 13579")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("secreto");
    }

    @Test
    void onlySupportManagesAgreementsAndTheCalendar() {
        ApiClient director = ApiClient.as(port, "director", "demo");

        assertThat(director.put(
                                "/api/v1/schools/24680-8/sige/agreement",
                                "{\"agreementId\":1,\"token\":\"x\",\"active\":true}")
                        .status())
                .isEqualTo(403);
        assertThat(director.put(
                                "/api/v1/sige/declaration-periods/2031-01",
                                "{\"closesAt\":\"2031-02-03T17:00:00-03:00\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAgreementWithoutNumberOrTokenIsRefusedListingBoth() {
        ApiClient.Response response = ApiClient.as(port, "soporte", "demo")
                .put("/api/v1/schools/13579-8/sige/agreement", "{\"active\":true}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("número de convenio");
    }

    @Test
    void supportSetsWhenAMonthsDeclarationPeriodCloses() {
        ApiClient support = ApiClient.as(port, "soporte", "demo");

        ApiClient.Response good =
                support.put("/api/v1/sige/declaration-periods/2031-08", "{\"closesAt\":\"2031-09-02T17:00:00-04:00\"}");
        ApiClient.Response bad = support.put("/api/v1/sige/declaration-periods/2031-13", "{\"closesAt\":\"x\"}");

        assertThat(good.status()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asString()).contains("no es válido");
    }

    @Test
    void theStatusSaysWhenInteroperabilityIsOffAndWhichMonthIsOpen() {
        ApiClient.Response status = ApiClient.as(port, "director2", "demo").get("/api/v1/schools/13579-8/sige/status");

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("openMonth").asString()).matches("\\d{4}-\\d{2}");
        assertThat(status.json().get("openMonthClosesAt").asString()).isNotBlank();
    }
}
