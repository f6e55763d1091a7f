package cl.aula.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the process tests need to start programs beside the test: the JDK, free ports, the built jars. */
final class ChildProcesses {

    private ChildProcesses() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Aula's runnable jar, built by {@code mvn package}; {@code -Daula.jar=...} overrides. */
    static Path aulaJar() {
        return jar("aula.jar", "aula", "aula.jar");
    }

    /** The simulator's runnable jar; {@code -Dsige-simulator.jar=...} overrides. */
    static Path simulatorJar() {
        return jar("sige-simulator.jar", "sige-simulator", "sige-simulator.jar");
    }

    /** Where a test writes its logs and reports: under the aula module's target folder. */
    static Path workFolder(String name) {
        Path module = Files.isDirectory(Path.of("aula", "src")) ? Path.of("aula") : Path.of(".");
        Path folder = module.resolve("target")
                .resolve("resilience")
                .resolve(name)
                .toAbsolutePath()
                .normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The last lines of a log, to explain why a child process did not come up. */
    /** SIGTERM, then SIGKILL if the process has not exited within the patience. */
    static void stop(Process process, Duration patience) {
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** How many lines of a log contain the text. */
    static long countLines(Path log, String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar(String property, String module, String file) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        // Failsafe runs in the aula module's folder, a main class usually in the repository's root.
        Optional<Path> found = Stream.of(Path.of(module, "target", file), Path.of("..", module, "target", file))
                .filter(Files::isRegularFile)
                .findFirst();
        return found.map(p -> p.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException(file
                        + " was not found: build it first with mvn package -DskipTests (or set -D" + property + ")"));
    }
}
