package cl.aula.attendance;

import cl.aula.common.ConflictException;
import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school calendar (holidays, suspensions, recovery days) and each course's timetable. */
@Controller
class CalendarPages {

    private static final List<DayOfWeek> WEEKDAYS = List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);

    private final Directory directory;
    private final SchoolAccess access;
    private final SchoolCalendar calendar;
    private final Timetable timetable;
    private final Clock clock;

    CalendarPages(Directory directory, SchoolAccess access, SchoolCalendar calendar, Timetable timetable, Clock clock) {
        this.directory = directory;
        this.access = access;
        this.calendar = calendar;
        this.timetable = timetable;
        this.clock = clock;
    }

    @GetMapping("/escuelas/{rbd}/calendario")
    String calendar(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        Set<Role> roles = access.requireMember(school.id());

        LocalDate today = LocalDate.now(clock);
        SchoolYear year = directory.schoolYearOn(school.id(), today).orElse(null);
        if (year == null && !directory.schoolYears(school.id()).isEmpty()) {
            year = directory.schoolYears(school.id()).get(0);
        }
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute(
                "entries", year == null ? List.of() : calendar.entries(school.id(), year.startsOn(), year.endsOn()));
        model.addAttribute("canManage", roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN));
        model.addAttribute("kinds", CalendarEntry.Kind.values());
        model.addAttribute("weekdays", WEEKDAYS.subList(0, 5));
        model.addAttribute("names", names());
        model.addAttribute("today", today);
        return "attendance/calendar";
    }

    @PostMapping("/escuelas/{rbd}/calendario")
    String addEntry(
            @PathVariable String rbd,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fecha,
            @RequestParam(required = false) CalendarEntry.Kind tipo,
            @RequestParam(required = false) String motivo,
            @RequestParam(required = false) DayOfWeek horario,
            RedirectAttributes redirect) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        try {
            CalendarEntry entry = calendar.add(
                    school, fecha, tipo, motivo, horario, access.current().username());
            redirect.addFlashAttribute(
                    "message",
                    entry.kind().label() + " registrado(a) el " + SchoolCalendar.written(entry.date()) + ".");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/escuelas/" + school.rbdText() + "/calendario";
    }

    @PostMapping("/escuelas/{rbd}/calendario/{entryId}/retirar")
    String withdrawEntry(@PathVariable String rbd, @PathVariable long entryId, RedirectAttributes redirect) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        try {
            calendar.withdraw(school, entryId, access.current().username());
            redirect.addFlashAttribute("message", "Marca retirada del calendario.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/escuelas/" + school.rbdText() + "/calendario";
    }

    /** One row of the timetable form: an hour number with its times and the days it is taught. */
    record HourRow(int hour, LocalTime startsAt, LocalTime endsAt, Set<DayOfWeek> days) {}

    @GetMapping("/cursos/{id}/horario")
    String timetable(@PathVariable long id, Model model) {
        Course course = courseOf(id);
        Set<Role> roles = access.requireMember(course.schoolId());

        Map<Integer, HourRow> rows = new TreeMap<>();
        for (ClassHour hour : timetable.week(course.id())) {
            rows.computeIfAbsent(
                            hour.hour(), h -> new HourRow(h, hour.startsAt(), hour.endsAt(), new java.util.TreeSet<>()))
                    .days()
                    .add(hour.weekday());
        }
        for (int hour = 1; hour <= Timetable.MAX_HOURS; hour++) {
            rows.putIfAbsent(hour, new HourRow(hour, null, null, Set.of()));
        }
        model.addAttribute("school", directory.school(course.schoolId()).orElseThrow());
        model.addAttribute("course", course);
        model.addAttribute("rows", rows.values());
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("names", names());
        model.addAttribute("canManage", roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN));
        return "attendance/timetable";
    }

    /**
     * The form sends {@code inicio-N}, {@code fin-N} and one {@code dia-N} per weekday taught for each
     * hour N; an hour with no day ticked is not in the timetable.
     */
    @PostMapping("/cursos/{id}/horario")
    String saveTimetable(
            @PathVariable long id,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        Course course = courseOf(id);
        access.require(course.schoolId(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        List<ClassHour> hours = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int hour = 1; hour <= Timetable.MAX_HOURS; hour++) {
            List<String> days = form.getOrDefault("dia-" + hour, List.of());
            if (days.isEmpty()) {
                continue;
            }
            LocalTime start = time(form.getFirst("inicio-" + hour));
            LocalTime end = time(form.getFirst("fin-" + hour));
            if (start == null || end == null) {
                problems.add("Indique el inicio y el término de la hora " + hour + " (HH:MM).");
                continue;
            }
            int number = hour;
            for (String day : days) {
                WEEKDAYS.stream()
                        .filter(d -> d.name().equals(day))
                        .findFirst()
                        .ifPresent(weekday -> hours.add(new ClassHour(weekday, number, start, end)));
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new RefusedException(problems.get(0), problems);
            }
            timetable.replace(course.id(), hours);
            redirect.addFlashAttribute("message", "Horario guardado: " + hours.size() + " horas de clase a la semana.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/cursos/" + id + "/horario";
    }

    private static Map<DayOfWeek, String> names() {
        Map<DayOfWeek, String> names = new java.util.EnumMap<>(DayOfWeek.class);
        WEEKDAYS.forEach(d -> names.put(d, SchoolCalendar.weekdayName(d)));
        return names;
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private School schoolOf(String rbd) {
        return directory.schoolByRbd(rbd).orElseThrow(() -> new NotFoundException("No existe el establecimiento."));
    }

    private Course courseOf(long id) {
        return directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso."));
    }
}
