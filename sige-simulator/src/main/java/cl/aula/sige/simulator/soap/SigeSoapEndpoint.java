package cl.aula.sige.simulator.soap;

import cl.aula.sige.contract.SigeNamespaces;
import cl.aula.sige.contract.SigeOperation;
import cl.aula.sige.contract.SigePort;
import cl.aula.sige.contract.SigeSchemas;
import cl.aula.sige.simulator.fault.FaultInjector;
import cl.aula.sige.simulator.stats.CallStatistics;
import jakarta.xml.bind.JAXBException;
import java.util.Optional;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.server.endpoint.MessageEndpoint;
import org.springframework.ws.soap.saaj.SaajSoapMessage;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;
import org.springframework.xml.transform.TransformerHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one endpoint behind every SIGE port. It finds the operation from the request document's root,
 * whatever SIGE namespace it is in; checks the operation is offered by the port the request was
 * sent to; moves the document into the namespace the generated types expect; and answers in the
 * namespace the request came in, as the contract requires. SOAPAction is ignored: clients were seen
 * to send any value.
 */
@Component
class SigeSoapEndpoint implements MessageEndpoint {

    /** The operation name counted in the statistics when no operation could be identified. */
    static final String UNKNOWN_OPERATION = "unknown";

    private static final Logger log = LoggerFactory.getLogger(SigeSoapEndpoint.class);

    private final SigeOperations operations;
    private final CallStatistics statistics;
    private final FaultInjector faults;
    private final TransformerHelper transformers = new TransformerHelper();

    SigeSoapEndpoint(SigeOperations operations, CallStatistics statistics, FaultInjector faults) {
        this.operations = operations;
        this.statistics = statistics;
        this.faults = faults;
    }

    @Override
    public void invoke(MessageContext messageContext) throws Exception {
        SaajSoapMessage response = (SaajSoapMessage) messageContext.getResponse();
        SoapMessages.removeHeader(response);
        String operationName = UNKNOWN_OPERATION;
        try {
            SigePort port = requestedPort();
            Element payload = payloadOf((SaajSoapMessage) messageContext.getRequest());
            SigeOperation operation = operationOf(payload, port);
            operationName = operation.operationName();
            Document canonical = toNamespace(payload, port.namespace());

            Object answer = operations.handle(operation, canonical);
            delayAnswer();

            write(answer, payload.getNamespaceURI(), response);
            statistics.record(operationName, SigeOperations.codeOf(answer));
        } catch (SoapFaultException fault) {
            SoapMessages.addFault(response, fault);
            statistics.record(operationName, CallStatistics.FAULT);
        } catch (RuntimeException e) {
            log.error("A {} call failed unexpectedly; it was answered with a server fault", operationName, e);
            SoapMessages.addFault(response, SoapFaultException.server(SigeOperations.INTERNAL_ERROR_MESSAGE));
            statistics.record(operationName, CallStatistics.FAULT);
        }
    }

    /** Done (a submission may be accepted), but the answer is late: a client that dies now never learns it. */
    private void delayAnswer() {
        try {
            faults.delayAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SigePort requestedPort() {
        var connection = (HttpServletConnection)
                TransportContextHolder.getTransportContext().getConnection();
        String uri = connection.getHttpServletRequest().getRequestURI();
        int slash = uri.lastIndexOf('/');
        String portName = slash < 0 ? uri : uri.substring(slash + 1);
        return SigePort.named(portName)
                .filter(p -> uri.endsWith(p.servicePath()))
                .orElseThrow(() -> SoapFaultException.client("PUERTO DESCONOCIDO: " + uri));
    }

    private static Element payloadOf(SaajSoapMessage request) {
        Source source = request.getPayloadSource();
        if (!(source instanceof DOMSource domSource) || !(domSource.getNode() instanceof Element element)) {
            throw SoapFaultException.client("EL CUERPO DEL MENSAJE SOAP ESTA VACIO.");
        }
        return element;
    }

    private static SigeOperation operationOf(Element payload, SigePort port) {
        String namespace = payload.getNamespaceURI();
        if (!SigeNamespaces.isSigeNamespace(namespace)) {
            throw SoapFaultException.client(
                    "ESPACIO DE NOMBRES NO RECONOCIDO: " + (namespace == null ? "(ninguno)" : namespace)
                            + ". SE ESPERA " + SigeNamespaces.WWWFS + " O " + SigeNamespaces.DIDO + ".");
        }
        Optional<SigeOperation> operation = SigeOperation.forRequestElement(payload.getLocalName());
        if (operation.isEmpty() || operation.get().port() != port) {
            throw SoapFaultException.client(
                    "OPERACION NO DISPONIBLE EN " + port.portName() + ": " + payload.getLocalName());
        }
        return operation.get();
    }

    private static Document toNamespace(Element payload, String namespace) {
        try {
            return SigeNamespaces.withNamespace(payload, namespace);
        } catch (SigeNamespaces.ForeignNamespaceException e) {
            throw SoapFaultException.client("ESPACIO DE NOMBRES NO RECONOCIDO EN " + e.element() + ": " + e.namespace()
                    + ". SE ESPERA " + SigeNamespaces.WWWFS + " O " + SigeNamespaces.DIDO + ".");
        }
    }

    private void write(Object answer, String namespace, SaajSoapMessage response) {
        try {
            DOMResult marshalled = new DOMResult();
            SigeSchemas.jaxbContext().createMarshaller().marshal(answer, marshalled);
            Element canonical = ((Document) marshalled.getNode()).getDocumentElement();
            Node answerInRequestNamespace = SigeNamespaces.withNamespace(canonical, namespace);
            transformers.transform(new DOMSource(answerInRequestNamespace), response.getPayloadResult());
        } catch (JAXBException | TransformerException e) {
            throw new IllegalStateException(
                    "Cannot write a " + answer.getClass().getSimpleName(), e);
        }
    }
}
