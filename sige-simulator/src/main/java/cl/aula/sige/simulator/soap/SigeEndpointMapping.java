package cl.aula.sige.simulator.soap;

import org.springframework.core.Ordered;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.server.EndpointInvocationChain;
import org.springframework.ws.server.EndpointMapping;

/**
 * Sends every SOAP request to {@link SigeSoapEndpoint}. Mapping by payload root would leave a
 * request in a wrong namespace without an endpoint, which Spring WS answers with a bare 404; SIGE
 * answers such a request with a SOAP fault.
 */
class SigeEndpointMapping implements EndpointMapping, Ordered {

    private final SigeSoapEndpoint endpoint;

    SigeEndpointMapping(SigeSoapEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public EndpointInvocationChain getEndpoint(MessageContext messageContext) {
        return new EndpointInvocationChain(endpoint);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
