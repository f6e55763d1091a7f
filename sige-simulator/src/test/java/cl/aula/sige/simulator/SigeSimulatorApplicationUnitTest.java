package cl.aula.sige.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SigeSimulatorApplicationUnitTest {

    @Test
    void listensOn8089WhenNothingSaysOtherwise() {
        assertThat(SigeSimulatorApplication.withPort(new String[0], Map.of(), Map.of()))
                .containsExactly("--server.port=8089");
    }

    @Test
    void takesThePortFromSigeSimulatorPortAndNotFromAulasServerPort() {
        String[] args = SigeSimulatorApplication.withPort(
                new String[] {"--debug"}, Map.of("SIGE_SIMULATOR_PORT", "9999", "SERVER_PORT", "8080"), Map.of());

        assertThat(args).containsExactly("--debug", "--server.port=9999");
    }

    @Test
    void aPortGivenAsArgumentOrSystemPropertyWins() {
        assertThat(SigeSimulatorApplication.withPort(
                        new String[] {"--server.port=0"}, Map.of("SIGE_SIMULATOR_PORT", "9999"), Map.of()))
                .containsExactly("--server.port=0");
        assertThat(SigeSimulatorApplication.withPort(new String[0], Map.of(), Map.of("server.port", "1234")))
                .isEmpty();
    }
}
