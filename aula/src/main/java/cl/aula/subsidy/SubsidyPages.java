package cl.aula.subsidy;

import cl.aula.common.NotFoundException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/** The monthly Control de Subvenciones grid of a course, printable. */
@Controller
class SubsidyPages {

    private static final Locale CHILE = Locale.forLanguageTag("es-CL");

    private final Directory directory;
    private final cl.aula.security.SchoolAccess access;
    private final SubsidyControl control;
    private final ObjectProvider<DayStatusSource> statusSources;
    private final Clock clock;

    SubsidyPages(
            Directory directory,
            cl.aula.security.SchoolAccess access,
            SubsidyControl control,
            ObjectProvider<DayStatusSource> statusSources,
            Clock clock) {
        this.directory = directory;
        this.access = access;
        this.control = control;
        this.statusSources = statusSources;
        this.clock = clock;
    }

    @GetMapping("/cursos/{id}/control-subvenciones")
    String grid(@PathVariable long id, @RequestParam(required = false) YearMonth mes, Model model) {
        Course course = directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso."));
        access.requireMember(course.schoolId());

        YearMonth month = mes == null ? YearMonth.now(clock) : mes;
        MonthlyControl grid = control.month(course, month);
        Map<LocalDate, DayStatusSource.DayStatus> statuses = new HashMap<>();
        statusSources.orderedStream().forEach(source -> statuses.putAll(source.statusOf(course.id(), month)));
        model.addAttribute("school", directory.school(course.schoolId()).orElseThrow());
        model.addAttribute("course", course);
        model.addAttribute("grid", grid);
        model.addAttribute("headsHtml", headsHtml(grid));
        model.addAttribute("rowsHtml", rowsHtml(grid));
        model.addAttribute("totalsHtml", totalsHtml(grid));
        model.addAttribute("monthName", month.getMonth().getDisplayName(TextStyle.FULL, CHILE) + " " + month.getYear());
        model.addAttribute(
                "missingText",
                grid.missingDays().stream()
                        .map(d -> String.format("%02d-%02d", d.getDayOfMonth(), d.getMonthValue()))
                        .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        if (!statuses.isEmpty()) {
            model.addAttribute("sigeStatus", statuses);
        }
        return "subsidy/grid";
    }

    // The grid's heads, rows and totals come as ready HTML: a month of a large course is a thousand
    // cells, and evaluating template expressions for each one made the page several times slower than
    // its data. Every piece of user text (the students' names) goes through HtmlUtils.htmlEscape.

    private static String headsHtml(MonthlyControl grid) {
        StringBuilder html = new StringBuilder();
        for (MonthlyControl.Day day : grid.days()) {
            String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.NARROW, CHILE);
            String css = day.missing() ? "missing" : day.future() ? "future" : "";
            String title = day.missing()
                    ? "Falta el registro de la hora de subvención"
                    : day.future() ? "Día futuro" : "Registrado";
            html.append("<th scope=\"col\" class=\"")
                    .append(css)
                    .append("\" title=\"")
                    .append(title)
                    .append("\" data-date=\"")
                    .append(day.date())
                    .append("\">")
                    .append(weekday.toUpperCase(CHILE))
                    .append("<br>")
                    .append(day.date().getDayOfMonth())
                    .append("</th>");
        }
        return html.toString();
    }

    private static String rowsHtml(MonthlyControl grid) {
        StringBuilder html =
                new StringBuilder(grid.students().size() * grid.days().size() * 40);
        for (MonthlyControl.StudentRow row : grid.students()) {
            html.append("<tr data-student=\"")
                    .append(row.studentId())
                    .append("\"><td class=\"student\">")
                    .append(row.listNumber())
                    .append(". ")
                    .append(HtmlUtils.htmlEscape(row.fullName()))
                    .append("</td>");
            for (MonthlyControl.Day day : grid.days()) {
                String css;
                String text;
                if (!row.enrolledOn(day.date())) {
                    css = "out";
                    text = "–";
                } else {
                    SubsidyMark mark = row.marks().get(day.date());
                    css = mark != null ? mark.letter() : day.future() ? "future" : "missing";
                    text = mark != null ? mark.letter() : "";
                }
                cell(html, css, day.date(), text);
            }
            html.append("<td>").append(row.presentDays()).append("</td><td>");
            html.append(row.attendanceRate() == null ? "—" : decimal(row.attendanceRate()));
            html.append("</td></tr>");
        }
        return html.toString();
    }

    /** A percentage the Chilean way, with a decimal comma: 93,3. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }

    /** The footer's rows of daily totals, keyed by the row's CSS class. */
    private static Map<String, String> totalsHtml(MonthlyControl grid) {
        StringBuilder present = new StringBuilder();
        StringBuilder absent = new StringBuilder();
        StringBuilder enrolled = new StringBuilder();
        for (MonthlyControl.Day day : grid.days()) {
            MonthlyControl.Totals totals = day.totals();
            cell(present, "", day.date(), day.registered() ? String.valueOf(totals.present()) : "");
            cell(absent, "", day.date(), day.registered() ? String.valueOf(totals.absent()) : "");
            cell(enrolled, "", day.date(), String.valueOf(totals.enrolled()));
        }
        return Map.of("present", present.toString(), "absent", absent.toString(), "enrolled", enrolled.toString());
    }

    private static void cell(StringBuilder html, String css, LocalDate date, String text) {
        html.append("<td");
        if (!css.isEmpty()) {
            html.append(" class=\"").append(css).append('"');
        }
        html.append(" data-date=\"").append(date).append("\">").append(text).append("</td>");
    }
}
