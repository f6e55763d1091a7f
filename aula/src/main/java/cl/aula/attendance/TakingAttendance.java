package cl.aula.attendance;

import cl.aula.common.ConflictException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.Enrollment;
import cl.aula.directory.SchoolYear;
import cl.aula.security.StaffPrincipal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a class hour's attendance and correcting it. Everything is checked before anything is
 * written, and every problem is reported at once. A correction never overwrites: the marks it changes
 * are end-dated and the new ones added under a new version that says who, when and why. Two people
 * correcting one register at once cannot both win: the register's version is compared and bumped in
 * one conditional update, so the second writer gets a conflict. Access checks are the caller's.
 */
@Service
public class TakingAttendance {

    static final int MAX_REASON = 500;
    private static final Logger log = LoggerFactory.getLogger(TakingAttendance.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SchoolCalendar calendar;
    private final Timetable timetable;
    private final AttendanceRegisters registers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TakingAttendance(
            JdbcClient jdbc,
            Directory directory,
            SchoolCalendar calendar,
            Timetable timetable,
            AttendanceRegisters registers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.timetable = timetable;
        this.registers = registers;
        this.events = events;
        this.clock = clock;
    }

    /** One mark as submitted: both fields unchecked, so that every problem can be named in Spanish. */
    public record SubmittedMark(Long studentId, String status) {}

    /**
     * A register as submitted. {@code expectedVersion} is the version the writer saw (0: none yet); when
     * given and no longer current, the write is refused as a conflict. {@code reason} is required to
     * change marks already recorded.
     */
    public record Submission(List<SubmittedMark> marks, String reason, Integer expectedVersion) {}

    /** Records or corrects the register and answers it as it now stands. */
    @Transactional
    public AttendanceRegister record(
            Course course, LocalDate date, int hour, Submission submission, StaffPrincipal by) {
        Facts facts = facts(course, date, date);
        List<String> problems = new ArrayList<>();
        checkDateAndHour(facts, date, hour, problems);
        Map<Long, AttendanceStatus> marks = checkMarks(course, facts, date, submission.marks(), problems);
        Optional<Current> current = current(course.id(), date, hour);
        boolean changes = current.map(c -> !c.marks().equals(marks)).orElse(true);
        String reason = submission.reason() == null ? null : submission.reason().strip();
        if (current.isPresent() && changes && (reason == null || reason.isEmpty())) {
            problems.add("Indique el motivo de la corrección: la asistencia de esta hora ya estaba registrada"
                    + " y el cambio queda en el historial con su motivo.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add("El motivo es demasiado largo: use como máximo " + MAX_REASON + " caracteres.");
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }
        if (current.isPresent() && !changes) {
            // The same marks again (a retry, a double tap) are not a correction, whatever version was seen.
            return registers.find(course.id(), date, hour).orElseThrow();
        }
        int seen = current.map(Current::version).orElse(0);
        if (submission.expectedVersion() != null && submission.expectedVersion() != seen) {
            throw conflict();
        }

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        AttendanceRegister written = current.isEmpty()
                ? recordNew(course, date, hour, marks, by, now)
                : correct(course, date, hour, current.get(), marks, reason, by, now);
        events.publishEvent(new AttendanceRegisterChanged(
                course.schoolId(), course.id(), date, hour, written.version(), now, hour == facts.subsidyHour()));
        return written;
    }

    /** A register to record with {@link #recordAll}. */
    public record NewRegister(LocalDate date, int hour, List<SubmittedMark> marks) {}

    /**
     * Records many registers of one course that have not been taken yet, as an import or the demo does:
     * the same checks as {@link #record}, all before anything is written, in a few round trips.
     */
    @Transactional
    public int recordAll(Course course, List<NewRegister> newRegisters, StaffPrincipal by) {
        if (newRegisters.isEmpty()) {
            return 0;
        }
        LocalDate from = newRegisters.stream()
                .map(NewRegister::date)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = newRegisters.stream()
                .map(NewRegister::date)
                .max(LocalDate::compareTo)
                .orElseThrow();
        Facts facts = facts(course, from, to);
        List<String> problems = new ArrayList<>();
        List<Map<Long, AttendanceStatus>> marks = new ArrayList<>();
        for (NewRegister register : newRegisters) {
            checkDateAndHour(facts, register.date(), register.hour(), problems);
            marks.add(checkMarks(course, facts, register.date(), register.marks(), problems));
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Long> idBySlot = new HashMap<>();
        jdbc.sql("""
                        insert into attendance_register (course_id, date, hour, version, changed_at)
                        select ?, d, h, 1, ? from unnest(?::date[], ?::int[]) as r (d, h)
                        on conflict (course_id, date, hour) do nothing
                        returning id, date, hour""")
                .params(
                        course.id(),
                        now.atOffset(ZoneOffset.UTC),
                        newRegisters.stream().map(r -> r.date().toString()).toArray(String[]::new),
                        newRegisters.stream().map(NewRegister::hour).toArray(Integer[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(2, LocalDate.class) + "/" + rs.getInt(3), rs.getLong(1)))
                .list()
                .forEach(e -> idBySlot.put(e.getKey(), e.getValue()));
        if (idBySlot.size() != newRegisters.size()) {
            // Some hour was already taken, or listed twice: nothing of this batch is kept.
            throw new ConflictException("Algunas de esas horas ya tenían asistencia registrada o venían repetidas:"
                    + " no se registró ninguna.");
        }
        List<Long> ids = newRegisters.stream()
                .map(r -> idBySlot.get(r.date() + "/" + r.hour()))
                .toList();
        jdbc.sql("""
                        insert into attendance_revision (register_id, version, recorded_by, recorded_by_id, recorded_at)
                        select id, 1, ?, ?, ? from unnest(?::bigint[]) as r (id)""")
                .params(by.username(), by.staffId(), now.atOffset(ZoneOffset.UTC), ids.toArray(Long[]::new))
                .update();
        List<Long> registerIds = new ArrayList<>();
        List<Long> students = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            marks.get(i).forEach((student, status) -> {
                registerIds.add(id);
                students.add(student);
                statuses.add(status.name());
            });
        }
        jdbc.sql("""
                        insert into attendance_mark (register_id, student_id, status, from_version)
                        select r, s, st, 1 from unnest(?::bigint[], ?::bigint[], ?::text[]) as m (r, s, st)""")
                .params(
                        registerIds.toArray(Long[]::new),
                        students.toArray(Long[]::new),
                        statuses.toArray(String[]::new))
                .update();
        for (NewRegister register : newRegisters) {
            events.publishEvent(new AttendanceRegisterChanged(
                    course.schoolId(),
                    course.id(),
                    register.date(),
                    register.hour(),
                    1,
                    now,
                    register.hour() == facts.subsidyHour()));
        }
        log.info("{} registers recorded at once for course {} between {} and {}", ids.size(), course.id(), from, to);
        return ids.size();
    }

    /** What the checks need to know about the course between two dates, read once. */
    private record Facts(
            int subsidyHour,
            Map<LocalDate, CalendarDay> days,
            Map<DayOfWeek, List<ClassHour>> hours,
            List<Enrollment> enrollments) {}

    private Facts facts(Course course, LocalDate from, LocalDate to) {
        // The year and the subsidy hour in one round trip: every register recorded pays for this read.
        record YearAndHour(SchoolYear year, int subsidyHour) {}
        YearAndHour known = jdbc.sql("""
                        select y.id, y.school_id, y.year, y.starts_on, y.ends_on, s.subsidy_hour
                        from school_year y join school s on s.id = y.school_id where y.id = ?""")
                .param(course.schoolYearId())
                .query((rs, n) -> new YearAndHour(
                        new SchoolYear(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getInt(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class)),
                        rs.getInt(6)))
                .single();
        SchoolYear year = known.year();
        int subsidyHour = known.subsidyHour();
        Map<DayOfWeek, List<ClassHour>> hours = new EnumMap<>(DayOfWeek.class);
        timetable
                .week(course.id())
                .forEach(h -> hours.computeIfAbsent(h.weekday(), d -> new ArrayList<>())
                        .add(h));
        return new Facts(subsidyHour, calendar.days(year, from, to), hours, directory.enrollments(course.id()));
    }

    private void checkDateAndHour(Facts facts, LocalDate date, int hour, List<String> problems) {
        LocalDate today = LocalDate.now(clock);
        CalendarDay day = null;
        if (date.isAfter(today)) {
            problems.add("El " + SchoolCalendar.written(date) + " es una fecha futura: la asistencia se registra el"
                    + " mismo día o después.");
        } else {
            day = facts.days().get(date);
            if (!day.schoolDay()) {
                problems.add(day.whyNot());
            }
        }
        if (hour < 1) {
            problems.add("La hora " + hour + " no existe: las horas de clase se numeran desde 1.");
        } else if (day != null && day.schoolDay()) {
            List<ClassHour> hours = facts.hours().getOrDefault(day.timetableWeekday(), List.of());
            String weekday = SchoolCalendar.weekdayName(day.timetableWeekday());
            if (hours.isEmpty()) {
                problems.add("El curso no tiene horas de clase los " + weekday + " en su horario: pida al director o"
                        + " a la administración de asistencia que lo complete.");
            } else if (hours.stream().noneMatch(h -> h.hour() == hour)) {
                problems.add("La hora " + hour + " no está en el horario del curso de los " + weekday + ": las horas"
                        + " de ese día son "
                        + hours.stream().map(h -> String.valueOf(h.hour())).collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    /** Checks that every student enrolled that day has exactly one valid mark and nobody else has one. */
    private Map<Long, AttendanceStatus> checkMarks(
            Course course, Facts facts, LocalDate date, List<SubmittedMark> submitted, List<String> problems) {
        Map<Long, AttendanceStatus> marks = new HashMap<>();
        if (submitted == null || submitted.isEmpty()) {
            problems.add("Falta la lista de marcas: cada alumno matriculado ese día debe tener una.");
            return marks;
        }
        List<Enrollment> enrollments = facts.enrollments();
        Set<Long> enrolled = enrollments.stream()
                .filter(e -> e.enrolledOn(date))
                .map(Enrollment::studentId)
                .collect(Collectors.toSet());
        Set<Long> duplicated = new HashSet<>();
        int position = 0;
        for (SubmittedMark mark : submitted) {
            position++;
            if (mark == null || mark.studentId() == null) {
                problems.add("La marca N° " + position + " no indica el alumno (studentId).");
                continue;
            }
            Optional<AttendanceStatus> status = AttendanceStatus.parse(mark.status());
            if (status.isEmpty()) {
                problems.add("El estado «" + mark.status() + "» del alumno " + mark.studentId()
                        + " no existe: use PRESENT, ABSENT o LATE.");
            }
            if (marks.containsKey(mark.studentId()) && duplicated.add(mark.studentId())) {
                problems.add("El alumno " + mark.studentId() + " aparece más de una vez: debe tener una sola marca.");
            }
            if (!enrolled.contains(mark.studentId())) {
                problems.add(notEnrolled(mark.studentId(), date, enrollments));
            }
            marks.putIfAbsent(mark.studentId(), status.orElse(null));
        }
        Set<Long> missing = new HashSet<>(enrolled);
        missing.removeAll(marks.keySet());
        if (!missing.isEmpty()) {
            for (EnrolledStudent student : directory.studentsEnrolled(course.id(), date)) {
                if (missing.contains(student.studentId())) {
                    problems.add("Falta la marca de N° " + student.listNumber() + " " + student.fullName()
                            + " (alumno "
                            + student.studentId() + "), matriculado ese día.");
                }
            }
        }
        return marks;
    }

    private static String notEnrolled(long studentId, LocalDate date, List<Enrollment> enrollments) {
        String day = SchoolCalendar.written(date);
        List<Enrollment> own =
                enrollments.stream().filter(e -> e.studentId() == studentId).toList();
        if (own.isEmpty()) {
            return "El alumno " + studentId + " no pertenece a este curso: no se le puede marcar asistencia.";
        }
        Enrollment last = own.get(own.size() - 1);
        if (date.isBefore(last.enrolledOn())) {
            return "El alumno " + studentId + " no estaba matriculado el " + day + ": su matrícula rige desde el "
                    + SchoolCalendar.written(last.enrolledOn()) + ".";
        }
        return "El alumno " + studentId + " no estaba matriculado el " + day + ": se retiró el "
                + SchoolCalendar.written(last.withdrawnOn()) + ".";
    }

    private record Current(long registerId, int version, Map<Long, AttendanceStatus> marks) {}

    private Optional<Current> current(long courseId, LocalDate date, int hour) {
        Optional<long[]> register = jdbc.sql(
                        "select id, version from attendance_register where course_id = ? and date = ? and hour = ?")
                .params(courseId, date, hour)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        return register.map(row -> {
            Map<Long, AttendanceStatus> marks = new HashMap<>();
            jdbc.sql("select student_id, status from attendance_mark where register_id = ? and until_version is null")
                    .param(row[0])
                    .query((rs, n) -> Map.entry(rs.getLong(1), AttendanceStatus.valueOf(rs.getString(2))))
                    .list()
                    .forEach(entry -> marks.put(entry.getKey(), entry.getValue()));
            return new Current(row[0], (int) row[1], marks);
        });
    }

    private AttendanceRegister recordNew(
            Course course,
            LocalDate date,
            int hour,
            Map<Long, AttendanceStatus> marks,
            StaffPrincipal by,
            Instant now) {
        // The register, its first revision and every mark in one statement, one round trip. Two first
        // recordings at once: the unique key lets one in, and the other inserts nothing and gets a conflict.
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long registerId = jdbc.sql("""
                        with register as (
                            insert into attendance_register (course_id, date, hour, version, changed_at)
                            values (?, ?, ?, 1, ?) on conflict (course_id, date, hour) do nothing returning id),
                        revision as (
                            insert into attendance_revision
                                (register_id, version, recorded_by, recorded_by_id, recorded_at)
                            select id, 1, ?, ?, ? from register),
                        marks as (
                            insert into attendance_mark (register_id, student_id, status, from_version)
                            select register.id, m.student, m.status, 1
                            from register, unnest(?::bigint[], ?::text[]) as m (student, status))
                        select id from register""")
                .params(
                        course.id(),
                        date,
                        hour,
                        at,
                        by.username(),
                        by.staffId(),
                        at,
                        marks.keySet().toArray(Long[]::new),
                        marks.values().stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class)
                .optional()
                .orElseThrow(TakingAttendance::conflict);

        log.debug("Register {} recorded for course {} on {} hour {}", registerId, course.id(), date, hour);
        List<AttendanceRegister.Mark> list = marks.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new AttendanceRegister.Mark(e.getKey(), e.getValue()))
                .toList();
        return new AttendanceRegister(
                course.id(), date, hour, new AttendanceRegister.Version(1, list, by.username(), now, null), List.of());
    }

    private AttendanceRegister correct(
            Course course,
            LocalDate date,
            int hour,
            Current current,
            Map<Long, AttendanceStatus> marks,
            String reason,
            StaffPrincipal by,
            Instant now) {
        int version = current.version() + 1;
        int bumped = jdbc.sql("update attendance_register set version = ?, changed_at = ? where id = ? and version = ?")
                .params(version, now.atOffset(ZoneOffset.UTC), current.registerId(), current.version())
                .update();
        if (bumped == 0) {
            throw conflict();
        }
        Map<Long, AttendanceStatus> changed = new LinkedHashMap<>();
        marks.forEach((student, status) -> {
            if (!Objects.equals(current.marks().get(student), status)) {
                changed.put(student, status);
            }
        });
        Set<Long> ended = new HashSet<>(changed.keySet());
        current.marks().keySet().stream().filter(s -> !marks.containsKey(s)).forEach(ended::add);
        jdbc.sql("""
                        update attendance_mark set until_version = ?
                        where register_id = ? and until_version is null and student_id = any(?)""")
                .params(version, current.registerId(), ended.toArray(Long[]::new))
                .update();
        insertRevision(current.registerId(), version, by, now, reason);
        insertMarks(current.registerId(), version, changed);

        log.info(
                "Register {} of course {} corrected to version {}: {} marks changed",
                current.registerId(),
                course.id(),
                version,
                ended.size());
        return registers.find(course.id(), date, hour).orElseThrow();
    }

    private void insertRevision(long registerId, int version, StaffPrincipal by, Instant at, String reason) {
        jdbc.sql("""
                        insert into attendance_revision
                            (register_id, version, recorded_by, recorded_by_id, recorded_at, reason)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(registerId, version, by.username(), by.staffId(), at.atOffset(ZoneOffset.UTC), reason)
                .update();
    }

    private void insertMarks(long registerId, int version, Map<Long, AttendanceStatus> marks) {
        if (marks.isEmpty()) {
            return;
        }
        // One statement for the whole class: a register is written in a handful of round trips.
        jdbc.sql("""
                        insert into attendance_mark (register_id, student_id, status, from_version)
                        select ?, student, status, ? from unnest(?::bigint[], ?::text[]) as m (student, status)""")
                .params(
                        registerId,
                        version,
                        marks.keySet().toArray(Long[]::new),
                        marks.values().stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    private static ConflictException conflict() {
        return new ConflictException("Otra persona registró o corrigió esta hora mientras usted la editaba. Recargue"
                + " para ver la versión vigente y vuelva a aplicar su cambio si aún hace falta.");
    }
}
