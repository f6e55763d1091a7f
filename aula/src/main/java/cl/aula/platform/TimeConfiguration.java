package cl.aula.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every rule that depends on the date reads this clock, so tests can stand on any day. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${aula.time-zone:America/Santiago}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
