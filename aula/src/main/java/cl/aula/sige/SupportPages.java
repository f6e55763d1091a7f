package cl.aula.sige;

import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.security.SchoolAccess;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Support's pages: activating schools' agreements and keeping the declaration calendar. */
@Controller
class SupportPages {

    private final Directory directory;
    private final SchoolAccess access;
    private final Agreements agreements;
    private final DeclarationCalendar calendar;
    private final JdbcClient jdbc;

    SupportPages(
            Directory directory,
            SchoolAccess access,
            Agreements agreements,
            DeclarationCalendar calendar,
            JdbcClient jdbc) {
        this.directory = directory;
        this.access = access;
        this.agreements = agreements;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    record SchoolRow(School school, Agreements.Agreement agreement) {}

    record PeriodRow(YearMonth month, Object closesAt, boolean entered) {}

    @GetMapping("/soporte")
    String page(Model model) {
        access.requireSupport();

        List<Long> ids = jdbc.sql("select id from school order by name")
                .query(Long.class)
                .list();
        model.addAttribute(
                "schools",
                directory.schools(ids).stream()
                        .map(s -> new SchoolRow(s, agreements.find(s.id()).orElse(null)))
                        .toList());
        DeclarationCalendar.OpenMonth open = calendar.openMonth();
        model.addAttribute("open", open);
        model.addAttribute("openMonthName", SyncRequests.monthName(open.month()));
        model.addAttribute(
                "periods",
                List.of(-1, 0, 1, 2).stream()
                        .map(open.month()::plusMonths)
                        .map(m -> new PeriodRow(
                                m, calendar.closingOf(m), calendar.entered(m).isPresent()))
                        .toList());
        return "sige/support";
    }

    @PostMapping("/soporte/convenios")
    String saveAgreement(
            @RequestParam String rbd,
            @RequestParam(required = false) Integer agreementId,
            @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        access.requireSupport();
        School school =
                directory.schoolByRbd(rbd).orElseThrow(() -> new NotFoundException("No existe el establecimiento."));

        try {
            agreements.save(
                    school.id(), agreementId, token, active, access.current().username());
            redirect.addFlashAttribute("message", "Convenio de " + school.name() + " guardado.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/soporte";
    }

    @PostMapping("/soporte/periodos")
    String savePeriod(@RequestParam String month, @RequestParam String closesAt, RedirectAttributes redirect) {
        access.requireSupport();

        try {
            // The form's datetime-local has no zone: it is Santiago's time, as MINEDUC publishes it.
            String instant = closesAt.length() <= 16
                    ? java.time.LocalDateTime.parse(closesAt)
                            .atZone(DeclarationCalendar.SANTIAGO)
                            .toOffsetDateTime()
                            .toString()
                    : closesAt;
            calendar.setClosing(month, instant, access.current().username());
            redirect.addFlashAttribute("message", "Cierre del periodo de declaración de " + month + " guardado.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("errors", List.of("La fecha y hora de cierre no es válida."));
        }
        return "redirect:/soporte";
    }
}
