package cl.aula.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Aula's runnable jar as a separate process, as operators run it, on the test's PostgreSQL and
 * simulator. It can be killed with SIGKILL (no shutdown hook, no graceful stop) and started again on
 * the same database. Every start appends to the same log.
 */
final class AulaProcess implements AutoCloseable {

    /** Base64 of 32 bytes shared by every instance of a test: instances on one database need the same key. */
    static final String TOKEN_KEY = "YXVsYS1yZXNpbGllbmNlLXRlc3RzLXRva2VuLWtleS0=";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;
    private Process process;
    private int starts;

    AulaProcess(String name, Path folder, List<String> jvmOptions, Map<String, String> settings) {
        this.name = name;
        this.log = folder.resolve(name + ".log");
        this.port = ChildProcesses.freePort();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = new LinkedHashMap<>(settings);
        this.settings.put("server.port", String.valueOf(port));
        this.settings.put("aula.jobs.instance-name", name);
        this.settings.put("aula.data-dir", folder.resolve(name + "-data").toString());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the jar and waits until it serves HTTP (Flyway and the job queue are up by then). */
    AulaProcess start(Duration patience) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(ChildProcesses.aulaJar().toString());
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.writeString(
                    log,
                    "==== start " + (starts + 1) + " of " + name + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AULA_SIGE_TOKEN_KEY", TOKEN_KEY);
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("Aula " + name + " did not start", e);
        }
        awaitUp(patience);
        return this;
    }

    /** SIGKILL: the JVM stops at once, in the middle of whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: Spring stops the job queue and the web server in order. */
    void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, Duration.ofSeconds(60));
    }

    /** Resident memory of the process from /proc, now and at its peak, in KiB (Linux only). */
    long[] residentKib() {
        try {
            long now = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    now = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return new long[] {now, peak};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    private void awaitUp(Duration patience) {
        Instant until = Instant.now().plus(patience);
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingresar"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Aula " + name + " stopped while starting:\n" + ChildProcesses.tail(log, 40));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.of(Duration.ofMillis(250));
        }
        throw new IllegalStateException(
                "Aula " + name + " did not come up in " + patience + ":\n" + ChildProcesses.tail(log, 40));
    }

    /** At the end of a test the database is thrown away: no need to wait for a graceful stop. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
