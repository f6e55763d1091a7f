package cl.aula.sige.simulator.agreement;

import cl.aula.sige.simulator.Resettable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The agreements SIGE knows, by agreement id. */
@Component
public class AgreementRegistry implements Resettable {

    private static final Logger log = LoggerFactory.getLogger(AgreementRegistry.class);

    private final Map<Integer, Agreement> agreements = new ConcurrentHashMap<>();

    public void put(Agreement agreement) {
        agreements.put(agreement.agreementId(), agreement);
        log.info(
                "Agreement {} of client {} now links {} schools",
                agreement.agreementId(),
                agreement.clientId(),
                agreement.rbds().size());
    }

    public Optional<Agreement> find(int agreementId) {
        return Optional.ofNullable(agreements.get(agreementId));
    }

    /**
     * The agreement these credentials open. The client id must be the agreement's: an agreement
     * made for another provider's software does not work with ours.
     */
    public Optional<Agreement> authenticate(int clientId, int agreementId, String token) {
        return find(agreementId)
                .filter(a -> a.clientId() == clientId)
                .filter(a -> token != null
                        && MessageDigest.isEqual(
                                a.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether agreement {@code agreementId} may send for school {@code rbd}. */
    public boolean links(int agreementId, int rbd) {
        return find(agreementId).map(a -> a.links(rbd)).orElse(false);
    }

    @Override
    public void reset() {
        agreements.clear();
    }
}
