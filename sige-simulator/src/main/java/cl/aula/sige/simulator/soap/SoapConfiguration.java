package cl.aula.sige.simulator.soap;

import cl.aula.sige.contract.SigePort;
import cl.aula.sige.contract.SoapRuntime;
import cl.aula.sige.simulator.stats.CallStatistics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.ws.server.endpoint.adapter.MessageEndpointAdapter;
import org.springframework.ws.soap.SoapVersion;
import org.springframework.ws.soap.saaj.SaajSoapMessageFactory;
import org.springframework.ws.transport.http.MessageDispatcherServlet;

@Configuration(proxyBeanMethods = false)
class SoapConfiguration {

    /** SOAP 1.1, the version SIGE speaks. */
    @Bean(name = MessageDispatcherServlet.DEFAULT_MESSAGE_FACTORY_BEAN_NAME)
    SaajSoapMessageFactory messageFactory() {
        SoapRuntime.useJdkTransformerFactory();
        SaajSoapMessageFactory factory = new SaajSoapMessageFactory();
        factory.setSoapVersion(SoapVersion.SOAP_11);
        return factory;
    }

    @Bean(name = MessageDispatcherServlet.DEFAULT_MESSAGE_RECEIVER_HANDLER_ADAPTER_BEAN_NAME)
    SigeMessageReceiverHandlerAdapter messageReceiverHandlerAdapter(
            SaajSoapMessageFactory messageFactory,
            @Value("${sige.simulator.max-request-size:10MB}") DataSize maxRequestSize,
            CallStatistics statistics) {
        var adapter = new SigeMessageReceiverHandlerAdapter(maxRequestSize.toBytes(), statistics);
        adapter.setMessageFactory(messageFactory);
        return adapter;
    }

    @Bean
    SigeEndpointMapping sigeEndpointMapping(SigeSoapEndpoint endpoint) {
        return new SigeEndpointMapping(endpoint);
    }

    @Bean
    MessageEndpointAdapter messageEndpointAdapter() {
        return new MessageEndpointAdapter();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${sige.simulator.max-request-size:10MB}") DataSize maxRequestSize, CallStatistics statistics) {
        var registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestSize.toBytes(), statistics));
        registration.addUrlPatterns(SigePort.SERVICES_PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
