package cl.aula.subsidy;

import cl.aula.common.NotFoundException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.security.SchoolAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/courses/{id}/subsidy-control?month=M} (see API.md, "Class book"). */
@RestController
class SubsidyApi {

    private final Directory directory;
    private final SchoolAccess access;
    private final SubsidyControl control;
    private final Clock clock;

    SubsidyApi(Directory directory, SchoolAccess access, SubsidyControl control, Clock clock) {
        this.directory = directory;
        this.access = access;
        this.control = control;
        this.clock = clock;
    }

    /** {@code marks} has a key for each day the student was enrolled: P, A, or null without a mark. */
    record StudentView(
            long studentId,
            int listNumber,
            String fullName,
            LocalDate enrolledOn,
            LocalDate withdrawnOn,
            Map<String, String> marks,
            int presentDays,
            int absentDays,
            Double attendanceRate) {}

    record TotalsView(int present, int absent, int enrolled, boolean registered) {}

    record ControlView(
            long courseId,
            String month,
            int subsidyHour,
            List<LocalDate> days,
            List<StudentView> students,
            Map<String, TotalsView> totals,
            int daysTaught,
            List<LocalDate> missingDays,
            int enrolledAtStart,
            int enrollmentsDuring,
            int withdrawalsDuring,
            int enrolledAtEnd,
            Double attendanceRate) {}

    @GetMapping("/api/v1/courses/{id}/subsidy-control")
    ControlView control(@PathVariable long id, @RequestParam(required = false) YearMonth month) {
        Course course = directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso " + id + "."));
        access.requireMember(course.schoolId());

        MonthlyControl grid = control.month(course, month == null ? YearMonth.now(clock) : month);
        Map<String, TotalsView> totals = new LinkedHashMap<>();
        grid.days()
                .forEach(d -> totals.put(
                        d.date().toString(),
                        new TotalsView(
                                d.totals().present(),
                                d.totals().absent(),
                                d.totals().enrolled(),
                                d.registered())));
        List<StudentView> students = grid.students().stream()
                .map(s -> {
                    Map<String, String> marks = new LinkedHashMap<>();
                    s.marks().forEach((date, mark) -> marks.put(date.toString(), mark == null ? null : mark.letter()));
                    return new StudentView(
                            s.studentId(),
                            s.listNumber(),
                            s.fullName(),
                            s.enrolledOn(),
                            s.withdrawnOn(),
                            marks,
                            s.presentDays(),
                            s.absentDays(),
                            s.attendanceRate());
                })
                .toList();
        return new ControlView(
                course.id(),
                grid.month().toString(),
                grid.subsidyHour(),
                grid.days().stream().map(MonthlyControl.Day::date).toList(),
                students,
                totals,
                grid.daysTaught(),
                grid.missingDays(),
                grid.enrolledAtStart(),
                grid.enrollmentsDuring(),
                grid.withdrawalsDuring(),
                grid.enrolledAtEnd(),
                grid.attendanceRate());
    }
}
