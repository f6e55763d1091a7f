package cl.aula.sige.simulator.fault;

/** What happens to a SOAP call whose document was read. */
public enum ServiceFault {
    NONE,
    /** Code 5: service not available. */
    UNAVAILABLE,
    /** Code 7: internal service error. */
    INTERNAL_ERROR
}
