package cl.aula.sige.simulator.fault;

/**
 * How the simulator misbehaves. Rates are probabilities from 0 to 1, drawn per SOAP call.
 *
 * @param unavailableRate answer code 5 (service not available)
 * @param internalErrorRate answer code 7 (internal service error)
 * @param httpErrorRate answer HTTP 500 or 503 with an HTML page instead of SOAP
 * @param dropRate close the connection without answering
 * @param responseDelayMs wait this long before handling every SOAP call
 * @param processingDelayMs wait at least this long before processing an accepted submission
 * @param processingDelayPerQueuedMs and this much more for every submission already waiting
 * @param semillaTtlSeconds the lifetime of a semilla issued from now on
 * @param randomSeed the seed of the draws, so that a sequence of calls misbehaves the same each run
 * @param answerDelayMs wait this long after handling a SOAP call before answering: SIGE has done the
 *     work (a submission accepted), the client does not know yet
 * @param maxCallsPerSecond answer SOAP calls beyond this many in a second as unavailable (code 5, a
 *     server fault where there is no code), as a SIGE that throttles at the end of the month; 0 for none
 */
public record FaultSettings(
        double unavailableRate,
        double internalErrorRate,
        double httpErrorRate,
        double dropRate,
        long responseDelayMs,
        long processingDelayMs,
        long processingDelayPerQueuedMs,
        long semillaTtlSeconds,
        long randomSeed,
        long answerDelayMs,
        int maxCallsPerSecond) {

    /**
     * A well-behaved SIGE. Processing takes a second plus 20 ms per waiting submission, so that a
     * client sees "in process" before a result; a semilla lives 30 minutes (the contract only says
     * minutes).
     */
    public static final FaultSettings DEFAULTS = new FaultSettings(0, 0, 0, 0, 0, 1_000, 20, 1_800, 42, 0, 0);
}
