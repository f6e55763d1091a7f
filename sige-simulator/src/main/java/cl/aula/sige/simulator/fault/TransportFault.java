package cl.aula.sige.simulator.fault;

/** What happens to a SOAP call before SOAP is even read. */
public enum TransportFault {
    NONE,
    /** The connection is closed without an answer. */
    DROP,
    HTTP_500,
    HTTP_503
}
