package cl.aula.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url}, Aula starts its own PostgreSQL 17 so that a newcomer needs
 * nothing installed. The server lives as long as the JVM; one per data folder, so that test contexts
 * in one JVM share it instead of starting one each.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    @Bean
    DataSource dataSource(
            @Value("${aula.data-dir:./data}") String dataDir,
            @Value("${aula.embedded-db.clean:false}") boolean clean,
            @Value("${aula.embedded-db.pool-size:20}") int poolSize) {
        EmbeddedPostgres postgres =
                start(Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres"), clean);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("aula-embedded");
        return new HikariDataSource(config);
    }

    private static synchronized EmbeddedPostgres start(Path folder, boolean clean) {
        return RUNNING.computeIfAbsent(folder, dir -> {
            try {
                Files.createDirectories(dir);
                log.info("Starting the embedded PostgreSQL with its data in {}", dir);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "200")
                        // zonky tunes for throw-away test databases; attendance must survive a crash,
                        // so a kept data folder gets PostgreSQL's durable defaults back.
                        .setServerConfig("fsync", clean ? "off" : "on")
                        .setServerConfig("synchronous_commit", clean ? "off" : "on")
                        .setServerConfig("full_page_writes", clean ? "off" : "on")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-pg-stop"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dir, e);
            }
        });
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly; it recovers on the next start", e);
        }
    }

    static class NoDatasourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
