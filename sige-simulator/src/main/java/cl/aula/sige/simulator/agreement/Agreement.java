package cl.aula.sige.simulator.agreement;

import java.util.Set;

/**
 * An interoperability agreement as SIGE holds it.
 *
 * @param agreementId the ConvenioId
 * @param clientId the ClienteId of the one software provider the agreement names
 * @param token the ConvenioToken
 * @param rbds the schools (RBD without check digit) the agreement may send for
 */
public record Agreement(int agreementId, int clientId, String token, Set<Integer> rbds) {

    public Agreement {
        rbds = Set.copyOf(rbds);
    }

    public boolean links(int rbd) {
        return rbds.contains(rbd);
    }
}
