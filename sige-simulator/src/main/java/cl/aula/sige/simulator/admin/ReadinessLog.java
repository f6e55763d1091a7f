package cl.aula.sige.simulator.admin;

import cl.aula.sige.contract.SigePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the operator where the simulator answers once it does. */
@Component
class ReadinessLog {

    private static final Logger log = LoggerFactory.getLogger(ReadinessLog.class);

    private final Environment environment;

    ReadinessLog(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "?");
        log.info(
                "SIGE simulator ready: SOAP ports at {}{}<Port>, WSDLs at {}{}<Port>.wsdl, control API at {}/admin",
                base,
                SigePort.SERVICES_PATH,
                base,
                SigePort.WSDL_PATH,
                base);
    }
}
