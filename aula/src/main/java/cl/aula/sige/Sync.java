package cl.aula.sige;

import java.time.Instant;
import java.time.LocalDate;

/** A person's request to send a day or a range of days to SIGE. */
record Sync(
        long id,
        long schoolId,
        LocalDate from,
        LocalDate to,
        String requestedBy,
        Instant requestedAt,
        String leftOut) {}
