package cl.aula.directory;

import cl.aula.common.Run;
import java.time.LocalDate;

/** One period of a student's identifier history; {@code validUntil} is exclusive and null while current;
 * a superseded period was replaced by a later correction that reached back before its start. */
public record StudentIdentifier(
        IdentifierType type,
        Run run,
        LocalDate validFrom,
        LocalDate validUntil,
        String recordedBy,
        java.time.Instant recordedAt,
        String reason,
        boolean superseded) {

    public boolean validOn(LocalDate date) {
        return !superseded && !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
    }
}
