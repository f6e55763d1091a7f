package cl.aula.sige.simulator.soap;

import jakarta.xml.soap.SOAPHeader;
import java.util.Locale;
import org.springframework.ws.soap.SoapBody;
import org.springframework.ws.soap.saaj.SaajSoapMessage;

/** Shapes answers the way SIGE's were seen: no SOAP header, faults with a Spanish reason. */
final class SoapMessages {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    private SoapMessages() {}

    /**
     * Removes the empty {@code soapenv:Header} SAAJ adds. Answers kept by vendors had none, and some
     * clients read answers by element position, which a header would shift.
     */
    static void removeHeader(SaajSoapMessage message) {
        try {
            SOAPHeader header = message.getSaajMessage().getSOAPHeader();
            if (header != null) {
                header.detachNode();
            }
        } catch (jakarta.xml.soap.SOAPException e) {
            throw new IllegalStateException("SAAJ message without envelope", e);
        }
    }

    static void addFault(SaajSoapMessage message, SoapFaultException fault) {
        SoapBody body = message.getSoapBody();
        if (fault.isClientFault()) {
            body.addClientOrSenderFault(fault.getMessage(), SPANISH);
        } else {
            body.addServerOrReceiverFault(fault.getMessage(), SPANISH);
        }
    }
}
