package cl.aula.sige;

import cl.aula.common.RefusedException;
import cl.aula.directory.School;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting a sync: everything is checked first and every problem reported at once; an accepted
 * sync becomes one submission per date and grade, each scheduled in the same transaction.
 */
@Service
public class SyncRequests {

    static final Locale CHILE = Locale.forLanguageTag("es-CL");
    private static final Logger log = LoggerFactory.getLogger(SyncRequests.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'a las' HH:mm");

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final DeclarationCalendar calendar;
    private final PayloadBuilder payloads;
    private final Submissions submissions;
    private final JobQueue queue;
    private final Clock clock;
    private final Duration reportDeadline;
    private final IdentifierChecks checks;

    SyncRequests(
            IdentifierChecks checks,
            JdbcClient jdbc,
            Agreements agreements,
            DeclarationCalendar calendar,
            PayloadBuilder payloads,
            Submissions submissions,
            JobQueue queue,
            Clock clock,
            @Value("${aula.sige.report-deadline:8h}") Duration reportDeadline) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.calendar = calendar;
        this.payloads = payloads;
        this.submissions = submissions;
        this.queue = queue;
        this.clock = clock;
        this.reportDeadline = reportDeadline;
    }

    /**
     * Accepts the sync or refuses it with every reason. With {@code onlyClean}, the grade-days that can
     * be sent are sent and the sync records, for the user, what was left out and why.
     */
    @Transactional
    public long request(School school, LocalDate from, LocalDate to, boolean onlyClean, String requestedBy) {
        List<String> blocking = new ArrayList<>();
        if (!agreements.isActive(school.id())) {
            blocking.add(
                    "La interoperabilidad con SIGE no está activa para este establecimiento: el sostenedor debe "
                            + "firmar el convenio con MINEDUC nombrando a Aula como proveedor y soporte de Aula debe activarlo.");
        }
        if (from == null || to == null) {
            blocking.add("Indique el primer y el último día a enviar (para un solo día, el mismo en ambos).");
            throw refused(blocking);
        }
        if (to.isBefore(from)) {
            blocking.add("El rango está invertido: el " + from.format(PayloadBuilder.DAY) + " es posterior al "
                    + to.format(PayloadBuilder.DAY) + ".");
            throw refused(blocking);
        }
        DeclarationCalendar.OpenMonth open = calendar.openMonth();
        LocalDate today = LocalDate.now(clock);
        if (!open.contains(from) || !open.contains(to)) {
            blocking.add(outsideOpenMonth(open, from, to));
        }
        if (to.isAfter(today)) {
            blocking.add("No se pueden enviar días futuros: el último día posible es hoy, "
                    + today.format(PayloadBuilder.DAY) + ".");
        }
        if (!blocking.isEmpty()) {
            throw refused(blocking);
        }

        PayloadBuilder.Reading reading = payloads.read(school, from, to);
        List<String> problems = new ArrayList<>();
        for (LocalDate day : reading.daysWithoutRegisters()) {
            problems.add("El " + day.format(PayloadBuilder.DAY) + " no tiene ningún registro de la "
                    + school.subsidyHour() + "ª hora (hora de subvención): tome la asistencia antes de enviarlo.");
        }
        reading.problems().values().forEach(problems::addAll);
        if (reading.payloads().isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("No hay días de clases con asistencia registrada entre el "
                        + from.format(PayloadBuilder.DAY) + " y el " + to.format(PayloadBuilder.DAY) + ".");
            }
            throw refused(problems);
        }
        if (!problems.isEmpty() && !onlyClean) {
            throw refused(problems);
        }

        Instant now = clock.instant();
        String leftOut = problems.isEmpty() ? null : String.join("\n", problems);
        long syncId = jdbc.sql("""
                        insert into sige_sync (school_id, from_date, to_date, requested_by, requested_at, left_out)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(school.id(), from, to, requestedBy, Submissions.at(now), leftOut)
                .query(Long.class)
                .single();
        int created = 0;
        for (Payload payload : reading.payloads().values()) {
            Optional<Long> id = submissions.createQueued(syncId, school.id(), payload, now, now.plus(reportDeadline));
            if (id.isPresent()) {
                queue.schedule(id.get(), now);
                created++;
            }
        }
        if (created == 0) {
            throw refused(List.of("Esos días ya se están enviando a SIGE: espere a que termine el envío en curso."));
        }
        log.info("Sync {} of school {} accepted: {} submissions from {} to {}", syncId, school.id(), created, from, to);
        // The next sync benefits: students SIGE does not know show up before their days are sent again.
        checks.startIfStale(school, requestedBy);
        return syncId;
    }

    private static RefusedException refused(List<String> problems) {
        String summary = problems.size() == 1
                ? problems.get(0)
                : "No se puede enviar a SIGE: hay " + problems.size() + " problemas que resolver.";
        return new RefusedException(summary, problems);
    }

    private String outsideOpenMonth(DeclarationCalendar.OpenMonth open, LocalDate from, LocalDate to) {
        String month = monthName(open.month());
        String closes =
                open.closesAt().atZoneSameInstant(DeclarationCalendar.SANTIAGO).format(WHEN);
        if (YearMonth.from(to).isAfter(open.month()) && YearMonth.from(from).isAfter(open.month())) {
            return "SIGE aún no recibe " + monthName(YearMonth.from(from)) + ": el mes vigente es " + month
                    + " y el siguiente se abre cuando cierre su periodo de declaración, el " + closes + ".";
        }
        if (YearMonth.from(to).isBefore(open.month())) {
            return "El periodo de declaración de " + monthName(YearMonth.from(to))
                    + " ya cerró en SIGE: solo se puede enviar " + month + " (hasta el " + closes + ").";
        }
        return "El rango debe estar dentro del mes vigente en SIGE, " + month + " (se puede enviar hasta el " + closes
                + "; el mes siguiente se abre entonces).";
    }

    static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, CHILE) + " de " + month.getYear();
    }
}
