package cl.aula.sige.simulator.soap;

import cl.aula.sige.simulator.stats.CallStatistics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.ws.InvalidXmlException;
import org.springframework.ws.soap.SoapMessageCreationException;
import org.springframework.ws.soap.saaj.SaajSoapMessage;
import org.springframework.ws.transport.http.WebServiceMessageReceiverHandlerAdapter;

/**
 * Answers requests that are not readable SOAP with a SOAP fault and HTTP 500, as SOAP 1.1 over
 * HTTP says a server answers a fault; Spring WS would answer 400 without a body. A body that grew
 * past the size limit while being read is answered 413.
 */
class SigeMessageReceiverHandlerAdapter extends WebServiceMessageReceiverHandlerAdapter {

    static final String MALFORMED_XML = "MALFORMED_XML";
    static final String NOT_SOAP = "NOT_SOAP";

    private static final Logger log = LoggerFactory.getLogger(SigeMessageReceiverHandlerAdapter.class);

    private final long maxBytes;
    private final CallStatistics statistics;

    SigeMessageReceiverHandlerAdapter(long maxBytes, CallStatistics statistics) {
        this.maxBytes = maxBytes;
        this.statistics = statistics;
    }

    @Override
    public ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        try {
            return super.handle(request, response, handler);
        } catch (Exception e) {
            if (isTooLarge(request)) {
                refuseTooLarge(response);
                return null;
            }
            if (e instanceof SoapMessageCreationException) {
                refuse(request, response, NOT_SOAP, "MENSAJE SOAP NO VALIDO: " + rootMessage(e));
                return null;
            }
            throw e;
        }
    }

    @Override
    protected void handleInvalidXmlException(
            HttpServletRequest request, HttpServletResponse response, Object handler, InvalidXmlException ex)
            throws IOException {
        if (isTooLarge(request)) {
            refuseTooLarge(response);
            return;
        }
        refuse(request, response, MALFORMED_XML, "XML MAL FORMADO: " + rootMessage(ex));
    }

    /** The parser that read the body may have wrapped the size exception beyond recognition. */
    private static boolean isTooLarge(HttpServletRequest request) {
        return request.getAttribute(RequestSizeLimitFilter.TOO_LARGE_ATTRIBUTE) != null;
    }

    private void refuseTooLarge(HttpServletResponse response) throws IOException {
        statistics.recordTransportFault(RequestSizeLimitFilter.TOO_LARGE);
        log.info("Refused a SOAP request larger than {} bytes", maxBytes);
        RequestSizeLimitFilter.refuse(response, maxBytes);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String event, String reason)
            throws IOException {
        statistics.recordTransportFault(event);
        log.info("Refused a request to {} that is not readable SOAP: {}", request.getRequestURI(), reason);
        SaajSoapMessage fault = (SaajSoapMessage) getMessageFactory().createWebServiceMessage();
        SoapMessages.removeHeader(fault);
        SoapMessages.addFault(fault, SoapFaultException.client(reason));
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=utf-8");
        fault.writeTo(response.getOutputStream());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
