package cl.aula.attendance;

import cl.aula.common.ConflictException;
import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The take-attendance page and a register's history. */
@Controller
class AttendancePages {

    /** Form fields named {@code estado-<studentId>} carry each student's status. */
    static final String STATUS_FIELD = "estado-";

    private final Directory directory;
    private final SchoolAccess access;
    private final SchoolCalendar calendar;
    private final Timetable timetable;
    private final AttendanceRegisters registers;
    private final TakingAttendance taking;
    private final Clock clock;

    AttendancePages(
            Directory directory,
            SchoolAccess access,
            SchoolCalendar calendar,
            Timetable timetable,
            AttendanceRegisters registers,
            TakingAttendance taking,
            Clock clock) {
        this.directory = directory;
        this.access = access;
        this.calendar = calendar;
        this.timetable = timetable;
        this.registers = registers;
        this.taking = taking;
        this.clock = clock;
    }

    @GetMapping("/cursos/{id}/asistencia")
    String takeAttendance(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fecha,
            @RequestParam(required = false) Integer hora,
            Model model) {
        Course course = courseOf(id);
        access.require(course.schoolId(), Role.TEACHER, Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        LocalDate date = fecha == null ? LocalDate.now(clock) : fecha;
        Map<Integer, Integer> taken = registers.versionsOn(course.id(), date);
        Page page = page(course, date, hora, taken);
        Optional<AttendanceRegister> register =
                page.hour() == null ? Optional.empty() : registers.find(course.id(), date, page.hour());
        Map<Long, AttendanceStatus> statuses = new HashMap<>();
        register.ifPresent(r -> r.marks().forEach(m -> statuses.put(m.studentId(), m.status())));
        fill(model, course, page, register, statuses);
        return "attendance/take";
    }

    @PostMapping("/cursos/{id}/asistencia")
    String record(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fecha,
            @RequestParam int hora,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String motivo,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Course course = courseOf(id);
        access.require(course.schoolId(), Role.TEACHER, Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        List<TakingAttendance.SubmittedMark> marks = new ArrayList<>();
        Map<Long, AttendanceStatus> chosen = new HashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(STATUS_FIELD)) {
                Long student = parseId(field.substring(STATUS_FIELD.length()));
                for (String value : values) {
                    marks.add(new TakingAttendance.SubmittedMark(student, value));
                    AttendanceStatus.parse(value).ifPresent(s -> chosen.put(student, s));
                }
            }
        });
        try {
            AttendanceRegister register = taking.record(
                    course, fecha, hora, new TakingAttendance.Submission(marks, motivo, version), access.current());
            redirect.addFlashAttribute(
                    "message",
                    "Asistencia de la hora " + hora + " del " + SchoolCalendar.written(fecha) + " guardada (versión "
                            + register.version() + "): " + register.count(AttendanceStatus.PRESENT) + " presentes, "
                            + register.count(AttendanceStatus.ABSENT) + " ausentes, "
                            + register.count(AttendanceStatus.LATE) + " atrasados.");
            return "redirect:/cursos/" + id + "/asistencia?fecha=" + fecha + "&hora=" + hora;
        } catch (RefusedException | ConflictException e) {
            // Show the page again with the user's choices, so nothing they marked is lost.
            Map<Integer, Integer> taken = registers.versionsOn(course.id(), fecha);
            Page page = page(course, fecha, hora, taken);
            Optional<AttendanceRegister> register = registers.find(course.id(), fecha, hora);
            boolean conflict = e instanceof ConflictException;
            Map<Long, AttendanceStatus> statuses = new HashMap<>(chosen);
            if (conflict) {
                statuses.clear();
                register.ifPresent(r -> r.marks().forEach(m -> statuses.put(m.studentId(), m.status())));
            }
            fill(model, course, page, register, statuses);
            model.addAttribute(
                    "errors", e instanceof RefusedException refused ? refused.reasons() : List.of(e.getMessage()));
            model.addAttribute("reason", conflict ? "" : motivo);
            return "attendance/take";
        }
    }

    @GetMapping("/cursos/{id}/asistencia/historial")
    String history(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fecha,
            @RequestParam int hora,
            Model model) {
        Course course = courseOf(id);
        access.requireMember(course.schoolId());

        AttendanceRegister register = registers
                .find(course.id(), fecha, hora)
                .orElseThrow(() -> new NotFoundException("La asistencia de la hora " + hora + " del "
                        + SchoolCalendar.written(fecha) + " aún no se ha registrado."));
        List<AttendanceRegister.Version> versions = new ArrayList<>(register.history());
        versions.add(register.current());
        List<Long> ids = versions.stream()
                .flatMap(v -> v.marks().stream())
                .map(AttendanceRegister.Mark::studentId)
                .distinct()
                .toList();
        Map<Long, String> names = new HashMap<>();
        directory
                .studentsEnrolledBetween(course.id(), fecha, fecha)
                .forEach(s -> names.put(s.studentId(), s.fullName()));
        for (Long student : ids) {
            names.computeIfAbsent(
                    student,
                    s -> directory
                            .student(s)
                            .map(cl.aula.directory.Student::fullName)
                            .orElse("Alumno " + s));
        }
        List<HistoryRow> rows = ids.stream()
                .map(student -> new HistoryRow(
                        student,
                        names.get(student),
                        versions.stream()
                                .map(v -> v.marks().stream()
                                        .filter(m -> m.studentId() == student)
                                        .map(AttendanceRegister.Mark::status)
                                        .findFirst()
                                        .orElse(null))
                                .toList()))
                .sorted(java.util.Comparator.comparing(HistoryRow::name))
                .toList();
        model.addAttribute("school", directory.school(course.schoolId()).orElseThrow());
        model.addAttribute("course", course);
        model.addAttribute("date", fecha);
        model.addAttribute("dateText", SchoolCalendar.written(fecha));
        model.addAttribute("hour", hora);
        model.addAttribute("versions", versions);
        model.addAttribute("rows", rows);
        model.addAttribute("zone", clock.getZone());
        return "attendance/history";
    }

    /** One student's status in each version, oldest first (null: not in that version). */
    record HistoryRow(long studentId, String name, List<AttendanceStatus> statuses) {

        public boolean changedAt(int index) {
            return index > 0 && statuses.get(index) != statuses.get(index - 1);
        }
    }

    /** What the page can offer for a date: the day, its hours and the hour to show, or why none. */
    private record Page(
            LocalDate date,
            CalendarDay day,
            List<ClassHour> hours,
            Integer hour,
            String blocked,
            Map<Integer, Integer> taken) {}

    private Page page(Course course, LocalDate date, Integer requested, Map<Integer, Integer> taken) {
        SchoolYear year = directory.schoolYear(course.schoolYearId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            return new Page(
                    date,
                    null,
                    List.of(),
                    null,
                    "El " + SchoolCalendar.written(date)
                            + " es una fecha futura: la asistencia se registra el mismo día o después.",
                    taken);
        }
        CalendarDay day = calendar.day(year, date);
        if (!day.schoolDay()) {
            return new Page(date, day, List.of(), null, day.whyNot(), taken);
        }
        List<ClassHour> hours = timetable.hoursOn(course.id(), day.timetableWeekday());
        if (hours.isEmpty()) {
            return new Page(
                    date,
                    day,
                    hours,
                    null,
                    "El curso no tiene horas de clase los " + SchoolCalendar.weekdayName(day.timetableWeekday())
                            + " en su horario.",
                    taken);
        }
        Integer hour = requested;
        if (hour == null) {
            hour = defaultHour(date.equals(today), hours, taken);
        }
        int chosen = hour;
        if (hours.stream().noneMatch(h -> h.hour() == chosen)) {
            return new Page(date, day, hours, null, "La hora " + hour + " no está en el horario de ese día.", taken);
        }
        return new Page(date, day, hours, hour, null, taken);
    }

    /** Today, the hour in progress; otherwise the first hour not yet taken. */
    private int defaultHour(boolean today, List<ClassHour> hours, Map<Integer, Integer> taken) {
        if (today) {
            LocalTime now = LocalTime.now(clock);
            for (ClassHour hour : hours) {
                if (!now.isBefore(hour.startsAt()) && now.isBefore(hour.endsAt())) {
                    return hour.hour();
                }
            }
        }
        return hours.stream()
                .map(ClassHour::hour)
                .filter(h -> !taken.containsKey(h))
                .findFirst()
                .orElse(hours.get(0).hour());
    }

    private void fill(
            Model model,
            Course course,
            Page page,
            Optional<AttendanceRegister> register,
            Map<Long, AttendanceStatus> statuses) {
        School school = directory.school(course.schoolId()).orElseThrow();
        List<EnrolledStudent> students = directory.studentsEnrolled(course.id(), page.date());
        Map<Long, AttendanceStatus> preset = new HashMap<>();
        students.forEach(
                s -> preset.put(s.studentId(), statuses.getOrDefault(s.studentId(), AttendanceStatus.PRESENT)));
        model.addAttribute("school", school);
        model.addAttribute("course", course);
        model.addAttribute("date", page.date());
        model.addAttribute("dateText", SchoolCalendar.written(page.date()));
        model.addAttribute("weekday", SchoolCalendar.weekdayName(page.date().getDayOfWeek()));
        model.addAttribute("hours", page.hours());
        model.addAttribute("hour", page.hour());
        model.addAttribute("taken", page.taken());
        model.addAttribute("blocked", page.blocked());
        model.addAttribute("students", students);
        model.addAttribute("statuses", preset);
        model.addAttribute("allStatuses", AttendanceStatus.values());
        model.addAttribute("register", register.orElse(null));
        model.addAttribute("subsidyHour", school.subsidyHour());
        model.addAttribute("zone", clock.getZone());
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", "");
        }
    }

    private Course courseOf(long id) {
        return directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso."));
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
