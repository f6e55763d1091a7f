package cl.aula.sige;

import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SIGE interoperability part of the JSON API (API.md). */
@RestController
@RequestMapping("/api/v1")
class SigeApi {

    private final Directory directory;
    private final SchoolAccess access;
    private final Agreements agreements;
    private final DeclarationCalendar calendar;
    private final SyncRequests syncs;
    private final SyncHistory history;
    private final SigeStatus status;
    private final IdentifierChecks checks;
    private final Reconciliation reconciliation;

    SigeApi(
            IdentifierChecks checks,
            Reconciliation reconciliation,
            Directory directory,
            SchoolAccess access,
            Agreements agreements,
            DeclarationCalendar calendar,
            SyncRequests syncs,
            SyncHistory history,
            SigeStatus status) {
        this.checks = checks;
        this.reconciliation = reconciliation;
        this.directory = directory;
        this.access = access;
        this.agreements = agreements;
        this.calendar = calendar;
        this.syncs = syncs;
        this.history = history;
        this.status = status;
    }

    record CourseStatusView(long courseId, SigeStatus.Status status) {}

    record DayStatusView(LocalDate date, SigeStatus.Status status, List<CourseStatusView> courses) {}

    record StatusView(boolean enabled, String openMonth, OffsetDateTime openMonthClosesAt, List<DayStatusView> days) {}

    record SyncBody(LocalDate from, LocalDate to, Boolean onlyClean) {}

    record AgreementBody(Integer agreementId, String token, Boolean active) {}

    record AgreementView(String rbd, int agreementId, boolean active, String updatedBy, OffsetDateTime updatedAt) {}

    record PeriodBody(String closesAt) {}

    @GetMapping("/schools/{rbd}/sige/status")
    StatusView status(@PathVariable String rbd, @RequestParam(required = false) String month) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        DeclarationCalendar.OpenMonth open = calendar.openMonth();
        YearMonth shown = month == null ? open.month() : parseMonth(month);
        List<DayStatusView> days = status.month(school, shown).stream()
                .map(day -> new DayStatusView(
                        day.date(),
                        day.status(),
                        day.courses().stream()
                                .map(c -> new CourseStatusView(c.courseId(), c.status()))
                                .toList()))
                .toList();
        return new StatusView(agreements.isActive(school.id()), open.month().toString(), open.closesAt(), days);
    }

    @PostMapping("/schools/{rbd}/sige/syncs")
    ResponseEntity<SyncHistory.SyncView> sync(@PathVariable String rbd, @RequestBody SyncBody body) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        long id = syncs.request(
                school,
                body.from(),
                body.to(),
                Boolean.TRUE.equals(body.onlyClean()),
                access.current().username());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(history.find(school.id(), id).orElseThrow());
    }

    @GetMapping("/schools/{rbd}/sige/syncs/{id}")
    SyncHistory.SyncView sync(@PathVariable String rbd, @PathVariable long id) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        return history.find(school.id(), id).orElseThrow(() -> new NotFoundException("No existe ese envío."));
    }

    @GetMapping("/schools/{rbd}/sige/syncs")
    List<SyncHistory.SyncView> syncs(@PathVariable String rbd) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        return history.ofSchool(school.id(), 100);
    }

    @PutMapping("/schools/{rbd}/sige/agreement")
    ResponseEntity<Void> putAgreement(@PathVariable String rbd, @RequestBody AgreementBody body) {
        access.requireSupport();
        School school = schoolOf(rbd);

        agreements.save(
                school.id(),
                body.agreementId(),
                body.token(),
                body.active(),
                access.current().username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/schools/{rbd}/sige/agreement")
    AgreementView agreement(@PathVariable String rbd) {
        access.requireSupport();
        School school = schoolOf(rbd);

        Agreements.Agreement agreement = agreements
                .find(school.id())
                .orElseThrow(() -> new NotFoundException("El establecimiento no tiene convenio registrado."));
        return new AgreementView(
                school.rbdText(),
                agreement.agreementId(),
                agreement.active(),
                agreement.updatedBy(),
                agreement.updatedAt());
    }

    @PutMapping("/sige/declaration-periods/{month}")
    ResponseEntity<Map<String, Object>> putPeriod(@PathVariable String month, @RequestBody PeriodBody body) {
        access.requireSupport();

        calendar.setClosing(month, body.closesAt(), access.current().username());
        return ResponseEntity.ok(Map.of("month", month, "closesAt", calendar.closingOf(YearMonth.parse(month))));
    }

    record CheckView(
            long id,
            IdentifierChecks.CheckState state,
            java.time.Instant startedAt,
            java.time.Instant finishedAt,
            int checked,
            int total,
            java.time.Instant nextRetryAt,
            String problem,
            List<Reconciliation.Problem> problems) {}

    @PostMapping("/schools/{rbd}/sige/checks")
    ResponseEntity<Map<String, Object>> startCheck(@PathVariable String rbd) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);
        if (!agreements.isActive(school.id())) {
            throw new RefusedException("La interoperabilidad con SIGE no está activa: no se puede consultar a SIGE.");
        }

        long id = checks.start(school, access.current().username(), true);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }

    @GetMapping("/schools/{rbd}/sige/checks/latest")
    CheckView latestCheck(@PathVariable String rbd) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        IdentifierChecks.Check check = checks.latest(school.id())
                .orElseThrow(() -> new NotFoundException("Aún no se ha revisado este establecimiento con SIGE."));
        return new CheckView(
                check.id(),
                check.state(),
                check.startedAt(),
                check.finishedAt(),
                check.checked(),
                check.total(),
                check.nextRetryAt(),
                check.problem(),
                reconciliation.problems(school));
    }

    private School schoolOf(String rbd) {
        return directory
                .schoolByRbd(rbd)
                .orElseThrow(() -> new NotFoundException("No existe el establecimiento " + rbd + "."));
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new RefusedException("El mes «" + month + "» no es válido: use AAAA-MM.");
        }
    }
}
