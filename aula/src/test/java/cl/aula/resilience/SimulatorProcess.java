package cl.aula.resilience;

import cl.aula.sige.SimulatorControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The SIGE simulator as its own process, shared by every Aula instance of a test. */
final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String url;

    private SimulatorProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    static SimulatorProcess start(Path folder, String heap) {
        int port = ChildProcesses.freePort();
        Path log = folder.resolve("sige-simulator.log");
        try {
            Process process = new ProcessBuilder(List.of(
                            ChildProcesses.java(),
                            "-Xmx" + heap,
                            "-jar",
                            ChildProcesses.simulatorJar().toString(),
                            "--server.port=" + port,
                            "--logging.level.cl.aula.sige.simulator=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            SimulatorProcess simulator = new SimulatorProcess(process, log, "http://localhost:" + port);
            simulator.awaitUp(Duration.ofSeconds(90));
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the SIGE simulator did not start", e);
        }
    }

    String url() {
        return url;
    }

    SimulatorControl control() {
        return new SimulatorControl(url);
    }

    private void awaitUp(Duration patience) {
        SimulatorControl control = control();
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (control.isUp()) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Pause.of(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the SIGE simulator did not come up:\n" + ChildProcesses.tail(log, 30));
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
