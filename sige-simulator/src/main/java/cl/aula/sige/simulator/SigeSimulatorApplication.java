package cl.aula.sige.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Starts the SIGE simulator: {@code java -jar sige-simulator.jar [--server.port=N]}. */
@SpringBootApplication
@PropertySource("classpath:sige-simulator.properties")
public class SigeSimulatorApplication {

    static final String PORT_VARIABLE = "SIGE_SIMULATOR_PORT";
    static final String DEFAULT_PORT = "8089";

    /**
     * SAAJ reports every unreadable request as SEVERE through java.util.logging; the simulator logs
     * those itself, as the client's fault. Held here because JUL keeps loggers only weakly.
     */
    private static final java.util.logging.Logger SAAJ_LOG =
            java.util.logging.Logger.getLogger("com.sun.xml.messaging.saaj");

    static {
        SAAJ_LOG.setLevel(Level.OFF);
    }

    public static void main(String[] args) {
        exitWithParent(System.getProperty("sige.simulator.parent-pid"));
        SpringApplication application = new SpringApplication(SigeSimulatorApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.run(withPort(args, System.getenv(), System.getProperties()));
    }

    /**
     * Started beside Aula, the simulator must not outlive it: a killed Aula (SIGKILL runs no shutdown
     * hook) would otherwise leave it holding the port, with stale state, for the next start.
     */
    static void exitWithParent(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.strip()))
                .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }

    /**
     * Adds {@code --server.port} from {@code SIGE_SIMULATOR_PORT} (default 8089) unless the port is
     * given as an argument or a system property. The simulator is often started beside Aula, whose
     * environment sets {@code SERVER_PORT} for Aula itself; a command-line argument outranks that
     * variable, so the simulator never tries to take Aula's port.
     */
    static String[] withPort(String[] args, Map<String, String> environment, Map<Object, Object> systemProperties) {
        boolean portGiven = List.of(args).stream().anyMatch(a -> a.startsWith("--server.port="))
                || systemProperties.containsKey("server.port");
        if (portGiven) {
            return args;
        }
        String port = environment.getOrDefault(PORT_VARIABLE, DEFAULT_PORT);
        List<String> withPort = new ArrayList<>(List.of(args));
        withPort.add("--server.port=" + port);
        return withPort.toArray(String[]::new);
    }
}
