package cl.aula.sige;

import cl.aula.common.RefusedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's interoperability agreement (convenio) with MINEDUC: its id and token, and whether support
 * has activated it. The token never leaves this class except to the SIGE client.
 */
@Service
public class Agreements {

    private static final Logger log = LoggerFactory.getLogger(Agreements.class);

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    Agreements(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What may be shown of an agreement: never the token. */
    public record Agreement(
            long schoolId, int agreementId, boolean active, String updatedBy, OffsetDateTime updatedAt) {}

    /** What the SIGE client needs to open a session. */
    record Credentials(int agreementId, String token) {

        /** Never the token, should this ever reach a log line or an exception message. */
        @Override
        public String toString() {
            return "Credentials[agreementId=" + agreementId + "]";
        }
    }

    public Optional<Agreement> find(long schoolId) {
        return jdbc.sql(
                        "select school_id, agreement_id, active, updated_by, updated_at from interop_agreement where school_id = ?")
                .param(schoolId)
                .query((rs, n) -> new Agreement(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    public boolean isActive(long schoolId) {
        return find(schoolId).map(Agreement::active).orElse(false);
    }

    /**
     * Registers or updates the agreement. A blank token keeps the stored one, so that support can
     * deactivate an agreement without retyping a secret they should not keep.
     */
    @Transactional
    public void save(long schoolId, Integer agreementId, String token, Boolean active, String by) {
        boolean exists = find(schoolId).isPresent();
        List<String> problems = new ArrayList<>();
        if (agreementId == null || agreementId <= 0) {
            problems.add("Indique el número de convenio que entregó MINEDUC (un entero positivo).");
        }
        if ((token == null || token.isBlank()) && !exists) {
            problems.add("Indique el token del convenio que entregó MINEDUC.");
        }
        if (token != null && token.length() > 500) {
            problems.add("El token es demasiado largo: revise que copió solo el token.");
        }
        if (active == null) {
            problems.add("Indique si el convenio queda activo.");
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token == null || token.isBlank()) {
            jdbc.sql(
                            "update interop_agreement set agreement_id = ?, active = ?, updated_by = ?, updated_at = ? where school_id = ?")
                    .params(agreementId, active, by, now, schoolId)
                    .update();
        } else {
            TokenCipher.Sealed sealed = cipher.encrypt(schoolId, token.strip());
            jdbc.sql("""
                            insert into interop_agreement
                                (school_id, agreement_id, token_nonce, token_ciphertext, active, updated_by, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (school_id) do update set agreement_id = excluded.agreement_id,
                                token_nonce = excluded.token_nonce, token_ciphertext = excluded.token_ciphertext,
                                active = excluded.active, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .params(schoolId, agreementId, sealed.nonce(), sealed.ciphertext(), active, by, now)
                    .update();
        }
        log.info("Interoperability agreement of school {} saved, active: {}", schoolId, active);
    }

    Optional<Credentials> credentials(long schoolId) {
        return jdbc.sql("select agreement_id, token_nonce, token_ciphertext from interop_agreement where school_id = ?")
                .param(schoolId)
                .query((rs, n) -> new Credentials(
                        rs.getInt(1), cipher.decrypt(schoolId, new TokenCipher.Sealed(rs.getBytes(2), rs.getBytes(3)))))
                .optional();
    }
}
