package cl.aula.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One PostgreSQL 17 for the Aula processes of a test, started by the test itself (the embedded
 * server of each Aula cannot be shared by two JVMs). It runs as long as the test; Aula connects to it
 * as to any external database.
 */
final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A fresh server with its data under the folder; fsync off unless the figures must be production-like. */
    static TestPostgres start(Path folder, boolean fsync) {
        try {
            // A run that was killed leaves its data behind, and initdb refuses a folder that is not empty.
            Path data = folder.resolve("postgres");
            if (Files.exists(data)) {
                try (var tree = Files.walk(data)) {
                    for (Path path :
                            tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return new TestPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(folder.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .setServerConfig("shared_buffers", "128MB")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("the test's PostgreSQL did not start", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl() + "?reWriteBatchedInserts=true", "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test's PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
