package cl.aula.sige.simulator.soap;

/** A request answered with a SOAP fault rather than a SIGE document. */
final class SoapFaultException extends RuntimeException {

    private final boolean clientFault;

    private SoapFaultException(boolean clientFault, String reason) {
        super(reason);
        this.clientFault = clientFault;
    }

    /** The request is at fault (soapenv:Client): resending it unchanged will not help. */
    static SoapFaultException client(String reason) {
        return new SoapFaultException(true, reason);
    }

    /** The service is at fault (soapenv:Server): the request may succeed later. */
    static SoapFaultException server(String reason) {
        return new SoapFaultException(false, reason);
    }

    boolean isClientFault() {
        return clientFault;
    }
}
