package cl.aula.sige;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With no SIGE address configured, starts the SIGE simulator beside Aula as its own process, as in
 * the demo and the integration tests. The simulator is a separate program on purpose: Aula talks to
 * it over real HTTP and SOAP exactly as it would to SIGE.
 */
@Component
public class SimulatorLauncher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatorLauncher.class);

    private final SigeEndpoint endpoint;
    private final boolean enabled;
    private final int configuredPort;
    private final String configuredJar;
    private final Path logFile;
    private Process process;
    private SimulatorControl control;

    SimulatorLauncher(
            SigeEndpoint endpoint,
            @Value("${aula.sige.simulator.enabled:true}") boolean enabled,
            @Value("${aula.sige.simulator.port:8089}") int port,
            @Value("${aula.sige.simulator.jar:}") String jar,
            @Value("${aula.data-dir:./data}") String dataDir) {
        this.endpoint = endpoint;
        this.enabled = enabled;
        this.configuredPort = port;
        this.configuredJar = jar;
        this.logFile = Path.of(dataDir, "sige-simulator.log");
    }

    /** The running simulator's control API, when Aula started one. */
    public Optional<SimulatorControl> control() {
        return Optional.ofNullable(control);
    }

    /** Waits until the simulator answers; false if it did not within the time. */
    public boolean awaitReady(Duration patience) {
        if (control == null) {
            return false;
        }
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (control.isUp()) {
                return true;
            }
            if (!process.isAlive()) {
                log.error("The SIGE simulator stopped at start-up (exit {}); see {}", process.exitValue(), logFile);
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void start() {
        if (endpoint.isConfigured() || !enabled) {
            return;
        }
        Optional<Path> jar = findJar();
        if (jar.isEmpty()) {
            log.warn("No SIGE address is configured and the simulator's jar was not found "
                    + "(build it with mvn package, or set AULA_SIGE_URL): sending to SIGE will wait until one is set");
            return;
        }
        try {
            int port = configuredPort == 0 ? freePort() : configuredPort;
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            // The simulator exits when Aula does, even if Aula is killed.
                            "-Dsige.simulator.parent-pid="
                                    + ProcessHandle.current().pid(),
                            "-jar",
                            jar.get().toString(),
                            "--server.port=" + port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            String url = "http://localhost:" + port;
            endpoint.useSimulatorAt(url);
            control = new SimulatorControl(url);
            log.info("The SIGE simulator stands in for SIGE at {} (process {}, log {})", url, process.pid(), logFile);
        } catch (IOException e) {
            log.error(
                    "The SIGE simulator could not be started; sending to SIGE will fail until AULA_SIGE_URL is set", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Before the job queue, so that submissions find SIGE's address. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    private Optional<Path> findJar() {
        if (!configuredJar.isBlank()) {
            return Optional.of(Path.of(configuredJar)).filter(Files::isRegularFile);
        }
        List<Path> candidates = List.of(
                Path.of("sige-simulator", "target", "sige-simulator.jar"),
                Path.of("..", "sige-simulator", "target", "sige-simulator.jar"));
        Optional<Path> beside = besideAulaJar();
        return beside.isPresent()
                ? beside
                : candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** aula/target/aula.jar finds ../../sige-simulator/target/sige-simulator.jar wherever it is started. */
    private static Optional<Path> besideAulaJar() {
        try {
            File self = new File(SimulatorLauncher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path root = self.toPath().toAbsolutePath();
            for (int up = 0; up < 5 && root != null; up++, root = root.getParent()) {
                Path candidate =
                        root.resolve("sige-simulator").resolve("target").resolve("sige-simulator.jar");
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (Exception e) {
            // Not started from a jar on disk; the working-directory candidates apply.
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
