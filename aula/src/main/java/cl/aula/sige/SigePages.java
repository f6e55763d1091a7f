package cl.aula.sige;

import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SIGE page of a school: the month's status per day and course, sending, and the history. */
@Controller
class SigePages {

    private final Directory directory;
    private final SchoolAccess access;
    private final Agreements agreements;
    private final DeclarationCalendar calendar;
    private final SyncRequests syncs;
    private final SyncHistory history;
    private final SigeStatus status;
    private final Clock clock;
    private final IdentifierChecks checks;
    private final Reconciliation reconciliation;

    SigePages(
            IdentifierChecks checks,
            Reconciliation reconciliation,
            Directory directory,
            SchoolAccess access,
            Agreements agreements,
            DeclarationCalendar calendar,
            SyncRequests syncs,
            SyncHistory history,
            SigeStatus status,
            Clock clock) {
        this.checks = checks;
        this.reconciliation = reconciliation;
        this.directory = directory;
        this.access = access;
        this.agreements = agreements;
        this.calendar = calendar;
        this.syncs = syncs;
        this.history = history;
        this.status = status;
        this.clock = clock;
    }

    /** A cell of the month calendar: a date (null before the 1st) and its status if it is a school day. */
    record Cell(LocalDate date, SigeStatus.DayStatus day) {}

    @GetMapping("/escuelas/{rbd}/sige")
    String page(@PathVariable String rbd, @RequestParam(required = false) String mes, Model model) {
        School school = schoolOf(rbd);
        Set<Role> roles = access.requireMember(school.id());

        boolean canSend = roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN);
        if (canSend && agreements.isActive(school.id())) {
            // Before a sync: an old or missing identifier check runs now, while the user chooses days.
            checks.startIfStale(school, access.current().username());
        }
        DeclarationCalendar.OpenMonth open = calendar.openMonth();
        YearMonth month = mes == null ? open.month() : YearMonth.parse(mes);
        List<SigeStatus.DayStatus> days = status.month(school, month);
        Map<LocalDate, SigeStatus.DayStatus> byDate =
                days.stream().collect(Collectors.toMap(SigeStatus.DayStatus::date, Function.identity()));
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(new Cell(null, null));
        }
        for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
            week.add(new Cell(date, byDate.get(date)));
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            weeks.add(week);
        }
        model.addAttribute("school", school);
        model.addAttribute("enabled", agreements.isActive(school.id()));
        model.addAttribute("open", open);
        model.addAttribute("openMonthName", SyncRequests.monthName(open.month()));
        model.addAttribute("month", month);
        model.addAttribute("monthName", SyncRequests.monthName(month));
        model.addAttribute("weeks", weeks);
        model.addAttribute("days", days);
        model.addAttribute("canSend", canSend);
        model.addAttribute("syncs", history.ofSchool(school.id(), 20));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("labels", StatusLabels.LABELS);
        return "sige/school";
    }

    @PostMapping("/escuelas/{rbd}/sige/envios")
    String send(
            @PathVariable String rbd,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate desde,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hasta,
            @RequestParam(defaultValue = "false") boolean soloLimpios,
            RedirectAttributes redirect) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        try {
            long id = syncs.request(
                    school,
                    desde,
                    hasta == null ? desde : hasta,
                    soloLimpios,
                    access.current().username());
            redirect.addFlashAttribute(
                    "message",
                    "Envío aceptado. Aula lo entrega a SIGE y sigue su procesamiento; "
                            + "SIGE puede tardar horas. Recuerde: enviar no es declarar.");
            return "redirect:/escuelas/" + school.rbdText() + "/sige/envios/" + id;
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
            redirect.addFlashAttribute("desde", desde);
            redirect.addFlashAttribute("hasta", hasta);
            redirect.addFlashAttribute("offerClean", e.reasons().size() > 0 && desde != null);
            return "redirect:/escuelas/" + school.rbdText() + "/sige";
        }
    }

    @GetMapping("/escuelas/{rbd}/sige/envios/{id}")
    String sync(@PathVariable String rbd, @PathVariable long id, Model model) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        model.addAttribute("school", school);
        model.addAttribute(
                "sync", history.find(school.id(), id).orElseThrow(() -> new NotFoundException("No existe ese envío.")));
        model.addAttribute("labels", StatusLabels.LABELS);
        return "sige/sync";
    }

    @GetMapping("/escuelas/{rbd}/sige/revision")
    String review(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        Set<Role> roles = access.requireMember(school.id());

        List<Reconciliation.Problem> problems = reconciliation.problems(school);
        model.addAttribute("school", school);
        model.addAttribute("check", checks.latest(school.id()).orElse(null));
        model.addAttribute(
                "groups",
                problems.stream()
                        .collect(Collectors.groupingBy(
                                Reconciliation.Problem::kind, java.util.TreeMap::new, Collectors.toList())));
        model.addAttribute(
                "kindLabels",
                Map.of(
                        Reconciliation.Kind.PROVISIONAL_ID, "Con IPE provisorio que SIGE no reconoce",
                        Reconciliation.Kind.UNKNOWN_TO_SIGE, "Con RUN que SIGE no reconoce",
                        Reconciliation.Kind.INVALID_ID, "Sin identificador válido",
                        Reconciliation.Kind.MISSING_IN_AULA,
                                "Matriculados en SIGE y no en Aula (o retirados en Aula)"));
        model.addAttribute("canManage", roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN));
        model.addAttribute("enabled", agreements.isActive(school.id()));
        DeclarationCalendar.OpenMonth open = calendar.openMonth();
        model.addAttribute(
                "resend",
                status.month(school, open.month()).stream()
                        .filter(day -> day.status() == SigeStatus.Status.MODIFIED_AFTER_SYNC
                                || day.status() == SigeStatus.Status.REJECTED)
                        .toList());
        model.addAttribute("labels", StatusLabels.LABELS);
        return "sige/review";
    }

    @PostMapping("/escuelas/{rbd}/sige/revision")
    String startCheck(@PathVariable String rbd, RedirectAttributes redirect) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        if (agreements.isActive(school.id())) {
            checks.start(school, access.current().username(), true);
            redirect.addFlashAttribute("message", "Revisión con SIGE iniciada: el avance se muestra en esta página.");
        } else {
            redirect.addFlashAttribute("errors", List.of("La interoperabilidad con SIGE no está activa."));
        }
        return "redirect:/escuelas/" + school.rbdText() + "/sige/revision";
    }

    private School schoolOf(String rbd) {
        return directory.schoolByRbd(rbd).orElseThrow(() -> new NotFoundException("No existe el establecimiento."));
    }
}
