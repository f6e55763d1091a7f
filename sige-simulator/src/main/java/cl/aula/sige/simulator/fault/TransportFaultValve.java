package cl.aula.sige.simulator.fault;

import cl.aula.sige.contract.SigePort;
import cl.aula.sige.simulator.stats.CallStatistics;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Misbehaves at the HTTP level on SOAP calls: waits, answers an HTTP error page, or closes the
 * connection without a byte of answer. A Tomcat valve rather than a servlet filter because only
 * the container can close a connection on purpose ({@link ActionCode#CLOSE_NOW}); a client sees
 * that as an I/O error, as it would a dropped connection to SIGE.
 */
class TransportFaultValve extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(TransportFaultValve.class);

    private final FaultInjector faults;
    private final CallStatistics statistics;

    TransportFaultValve(FaultInjector faults, CallStatistics statistics) {
        super(true);
        this.faults = faults;
        this.statistics = statistics;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!isSoapCall(request)) {
            getNext().invoke(request, response);
            return;
        }

        try {
            faults.delayResponse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TransportFault fault = faults.drawTransportFault();
        switch (fault) {
            case NONE -> getNext().invoke(request, response);
            case DROP -> drop(response);
            case HTTP_500 -> answerErrorPage(response, 500, "Internal Server Error");
            case HTTP_503 -> answerErrorPage(response, 503, "Service Unavailable");
        }
        if (fault != TransportFault.NONE) {
            statistics.recordTransportFault(fault.name());
            log.debug("Injected transport fault {} on {}", fault, request.getRequestURI());
        }
    }

    private static boolean isSoapCall(Request request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(SigePort.SERVICES_PATH);
    }

    private static void drop(Response response) {
        response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
    }

    private static void answerErrorPage(Response response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String page = "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + reason
                + "</h1></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
