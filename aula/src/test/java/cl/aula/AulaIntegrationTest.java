package cl.aula;

import cl.aula.directory.Fixtures;
import cl.aula.sige.SigeScene;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application on the embedded PostgreSQL, served on a random port, with the demo
 * schools loaded. Every test class using these same properties shares one Spring context and one
 * PostgreSQL per JVM, so keep extra properties out of test classes unless a test truly needs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMockMvc
@Import({Fixtures.class, SigeScene.class})
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "aula.data-dir=target/test-data",
            "aula.embedded-db.clean=true",
            "aula.demo.enabled=true",
            "logging.level.org.springframework.web=WARN",
            // SIGE is the simulator Aula starts as a process, on a free port; its timings are shortened.
            "aula.sige.simulator.port=0",
            "aula.sige.poll.initial=200ms",
            "aula.sige.poll.max=1s",
            "aula.sige.retry.initial=200ms",
            "aula.sige.retry.max=1s",
            "aula.sige.breaker.open-for=1s",
            "aula.sige.checks.calls-per-second=200",
            "aula.jobs.polling-interval=200ms"
        })
public @interface AulaIntegrationTest {}
