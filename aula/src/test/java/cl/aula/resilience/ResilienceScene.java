package cl.aula.resilience;

import cl.aula.sige.SimulatorControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a process test stands on: one PostgreSQL, one SIGE simulator, and as many Aula
 * processes as the test starts, all on this machine; plus the generated month and a report file
 * under {@code aula/target/resilience/<test>/}.
 */
final class ResilienceScene implements AutoCloseable {

    /** Startup of a jar on this 2-core machine while other builds run can take a while. */
    static final Duration STARTUP = Duration.ofSeconds(180);

    private final Path folder;
    private final TestPostgres postgres;
    private final SimulatorProcess simulator;
    private final Connection db;
    private final List<AulaProcess> instances = new ArrayList<>();
    private MonthOfAttendance month;

    private ResilienceScene(Path folder, TestPostgres postgres, SimulatorProcess simulator) {
        this.folder = folder;
        this.postgres = postgres;
        this.simulator = simulator;
        this.db = postgres.connect();
    }

    static ResilienceScene start(String name, boolean fsync, String simulatorHeap) {
        Path folder = ChildProcesses.workFolder(name);
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPostgres postgres = TestPostgres.start(folder, fsync);
        try {
            return new ResilienceScene(folder, postgres, SimulatorProcess.start(folder, simulatorHeap));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Aula's settings for the tests: SIGE's timings shortened so that minutes of retries fit in seconds. */
    Map<String, String> testSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", postgres.jdbcUrl());
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.put("aula.demo.enabled", "false");
        settings.put("aula.sige.url", simulator.url());
        settings.put("aula.jobs.polling-interval", "500ms");
        settings.put("aula.jobs.heartbeat-interval", "1s");
        settings.put("aula.sige.poll.initial", "500ms");
        settings.put("aula.sige.poll.max", "2s");
        settings.put("aula.sige.retry.initial", "500ms");
        settings.put("aula.sige.retry.max", "4s");
        settings.put("aula.sige.breaker.open-for", "2s");
        settings.put("aula.sige.read-timeout", "15s");
        return settings;
    }

    /** A new Aula instance (not started) with the test settings and any overrides. */
    AulaProcess instance(String name, List<String> jvmOptions, Map<String, String> overrides) {
        Map<String, String> settings = testSettings();
        settings.putAll(overrides);
        // -Dresilience.aula.<setting>=<value> passes any setting on, e.g. production timings in a full run.
        System.getProperties().stringPropertyNames().stream()
                .filter(property -> property.startsWith("resilience.aula."))
                .forEach(property ->
                        settings.put(property.substring("resilience.".length()), System.getProperty(property)));
        AulaProcess instance = new AulaProcess(name, folder, jvmOptions, settings);
        instances.add(instance);
        return instance;
    }

    AulaProcess instance(String name) {
        return instance(name, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), Map.of());
    }

    /**
     * Generates the month into the database (migrated by a started instance), tells SIGE about the
     * schools, registers their agreements through the API and keeps the previous month open for two
     * more days in Aula and in SIGE.
     */
    MonthOfAttendance prepare(MonthOfAttendance.Plan plan, AulaProcess through) {
        try {
            month = MonthOfAttendance.generate(db, plan, MonthOfAttendance.previousMonth());
        } catch (SQLException e) {
            throw new IllegalStateException("the month could not be generated", e);
        }
        month.tellSige(sige());
        AulaSession support = support(through);
        month.registerAgreements(support);
        MonthOfAttendance.closeMonthAt(month.month(), Instant.now().plus(Duration.ofDays(2)), support, sige());
        return month;
    }

    AulaSession support(AulaProcess instance) {
        return AulaSession.signIn(instance.port(), MonthOfAttendance.SUPPORT, MonthOfAttendance.PASSWORD);
    }

    AulaSession director(AulaProcess instance) {
        return AulaSession.signIn(instance.port(), MonthOfAttendance.DIRECTOR, MonthOfAttendance.PASSWORD);
    }

    SimulatorControl sige() {
        return simulator.control();
    }

    String sigeUrl() {
        return simulator.url();
    }

    SubmissionLedger ledger() {
        return new SubmissionLedger(db);
    }

    Connection newConnection() {
        return postgres.connect();
    }

    Connection db() {
        return db;
    }

    Path folder() {
        return folder;
    }

    /** Adds a line to the test's report (and to its output), for the figures in docs/RESILIENCE.md. */
    void report(String line) {
        System.out.println("[resilience] " + line);
        try {
            Files.writeString(
                    folder.resolve("report.txt"),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole-number system property, so that the full versions can be run with bigger numbers. */
    static int setting(String name, int reduced) {
        return Integer.getInteger("resilience." + name, reduced);
    }

    @Override
    public void close() {
        instances.forEach(AulaProcess::close);
        simulator.close();
        try {
            db.close();
        } catch (SQLException e) {
            // The server stops next anyway.
        }
        postgres.close();
    }
}
