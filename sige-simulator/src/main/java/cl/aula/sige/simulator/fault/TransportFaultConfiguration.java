package cl.aula.sige.simulator.fault;

import cl.aula.sige.simulator.stats.CallStatistics;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TransportFaultConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> transportFaultValve(
            FaultInjector faults, CallStatistics statistics) {
        return factory -> factory.addContextValves(new TransportFaultValve(faults, statistics));
    }
}
