package cl.aula.sige;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ws.client.WebServiceIOException;

@Configuration(proxyBeanMethods = false)
class SigeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigeConfiguration.class);

    /**
     * Identifier checks share SIGE with submissions: they are held to a rate that leaves most of
     * what SIGE tolerates to the attendance itself.
     */
    @Bean
    io.github.resilience4j.ratelimiter.RateLimiter sigeCheckRateLimiter(
            @Value("${aula.sige.checks.calls-per-second:10}") int callsPerSecond) {
        return io.github.resilience4j.ratelimiter.RateLimiter.of(
                "sige-checks",
                io.github.resilience4j.ratelimiter.RateLimiterConfig.custom()
                        .limitForPeriod(callsPerSecond)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ofMinutes(10))
                        .build());
    }

    /**
     * One breaker for every school: when SIGE is down it is down for all, and a few probe calls tell
     * when it is back. While open, submissions wait in the queue instead of calling. The failure rate is
     * taken over the last seconds (default 10), not the last calls: a SIGE that throttles turns away the
     * calls at the end of each second, and a window of the last 20 calls (a tenth of a second at month
     * end) saw those as half failing and opened for everyone (month-end benchmark, fairness run).
     */
    @Bean
    CircuitBreaker sigeCircuitBreaker(
            @Value("${aula.sige.breaker.window:10}") int window,
            @Value("${aula.sige.breaker.window-type:TIME_BASED}") CircuitBreakerConfig.SlidingWindowType windowType,
            @Value("${aula.sige.breaker.minimum-calls:20}") int minimumCalls,
            @Value("${aula.sige.breaker.failure-rate:50}") float failureRate,
            @Value("${aula.sige.breaker.open-for:30s}") Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(windowType)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                // WebServiceIOException covers transport errors (HTTP 5xx) too; a Server fault is SIGE failing.
                .recordException(failure -> failure instanceof WebServiceIOException
                        || failure instanceof SigeClient.SigeUnavailable
                        || (failure instanceof org.springframework.ws.soap.client.SoapFaultClientException fault
                                && SigeClient.isServerFault(fault)))
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("sige", config);
        breaker.getEventPublisher()
                .onStateTransition(event -> log.warn(
                        "SIGE circuit breaker {}: {}",
                        event.getStateTransition(),
                        event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                                ? "calls to SIGE pause for " + openFor + "; submissions wait in the queue"
                                : "calls to SIGE resume"));
        return breaker;
    }
}
