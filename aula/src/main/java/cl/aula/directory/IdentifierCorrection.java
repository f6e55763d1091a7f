package cl.aula.directory;

import cl.aula.common.RefusedException;
import cl.aula.common.Run;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a student's identifier from a date on, typically a provisional IPE by the definitive RUN.
 * The old identifier stays in the history with who replaced it, when and why; attendance is keyed on
 * the student, so it follows without change, and days from {@code validFrom} on are sent with the new one.
 */
@Service
public class IdentifierCorrection {

    private static final Logger log = LoggerFactory.getLogger(IdentifierCorrection.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    IdentifierCorrection(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    public record Request(IdentifierType type, Long number, String dv, LocalDate validFrom, String reason) {}

    @Transactional
    public StudentIdentifier correct(Student student, Request request, String correctedBy) {
        List<String> problems = new ArrayList<>();
        if (request.type() == null) {
            problems.add("Indique el tipo de identificador: RUN o IPE.");
        }
        Run run = null;
        if (request.number() == null
                || request.dv() == null
                || request.dv().strip().length() != 1) {
            problems.add("Indique el número y el dígito verificador, por ejemplo 12345678 y 5.");
        } else {
            Run.Parsed parsed = Run.of(request.number(), request.dv().strip().charAt(0));
            if (parsed.isValid()) {
                run = parsed.get();
            } else {
                problems.add(parsed.refusal());
            }
        }
        if (request.validFrom() == null) {
            problems.add("Indique desde qué fecha rige el nuevo identificador.");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add("Indique el motivo de la corrección: queda en el historial del alumno.");
        }
        if (run != null && request.type() != null) {
            List<Long> holders = directory.studentsWithIdentifier(student.schoolId(), request.type(), run.number());
            if (holders.contains(student.id())) {
                problems.add("El alumno ya tiene ese identificador.");
            } else if (!holders.isEmpty()) {
                problems.add(
                        "Otro alumno del establecimiento ya tiene el " + request.type() + " " + run.formatted() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        // Periods that start on or after the new date are superseded, not deleted: the history keeps them.
        jdbc.sql(
                        "update student_identifier set superseded = true where student_id = ? and not superseded and valid_from >= ?")
                .params(student.id(), request.validFrom())
                .update();
        jdbc.sql("""
                        update student_identifier set valid_until = ?
                        where student_id = ? and not superseded and valid_from < ? and (valid_until is null or valid_until > ?)""")
                .params(request.validFrom(), student.id(), request.validFrom(), request.validFrom())
                .update();
        jdbc.sql("""
                        insert into student_identifier (student_id, type, number, dv, valid_from, recorded_by, recorded_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        student.id(),
                        request.type().name(),
                        run.number(),
                        String.valueOf(run.dv()),
                        request.validFrom(),
                        correctedBy,
                        now,
                        request.reason().strip())
                .update();

        log.info("Identifier of student {} replaced from {} on", student.id(), request.validFrom());
        return directory.identifierOn(student.id(), request.validFrom()).orElseThrow();
    }
}
