package cl.aula.attendance;

import cl.aula.common.NotFoundException;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The attendance part of the JSON API (see API.md, "Class book"). */
@RestController
@RequestMapping("/api/v1/courses/{id}/attendance/{date}/{hour}")
class AttendanceApi {

    private final Directory directory;
    private final SchoolAccess access;
    private final TakingAttendance taking;
    private final AttendanceRegisters registers;
    private final Clock clock;

    AttendanceApi(
            Directory directory,
            SchoolAccess access,
            TakingAttendance taking,
            AttendanceRegisters registers,
            Clock clock) {
        this.directory = directory;
        this.access = access;
        this.taking = taking;
        this.registers = registers;
        this.clock = clock;
    }

    /** {@code version} is optional: the version the writer last saw (0 for none), to detect a conflict. */
    record Body(List<TakingAttendance.SubmittedMark> marks, String reason, Integer version) {}

    record MarkView(long studentId, AttendanceStatus status) {}

    record VersionView(
            int version, List<MarkView> marks, String recordedBy, OffsetDateTime recordedAt, String reason) {}

    record RegisterView(
            long courseId,
            LocalDate date,
            int hour,
            int version,
            List<MarkView> marks,
            String recordedBy,
            OffsetDateTime recordedAt,
            String reason,
            List<VersionView> history) {}

    @PutMapping
    RegisterView record(
            @PathVariable long id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable int hour,
            @RequestBody Body body) {
        Course course = courseOf(id);
        access.require(course.schoolId(), Role.TEACHER, Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        AttendanceRegister register = taking.record(
                course,
                date,
                hour,
                new TakingAttendance.Submission(body.marks(), body.reason(), body.version()),
                access.current());
        return view(register);
    }

    @GetMapping
    RegisterView register(
            @PathVariable long id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable int hour) {
        Course course = courseOf(id);
        access.requireMember(course.schoolId());

        return registers
                .find(course.id(), date, hour)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("La asistencia de la hora " + hour + " del "
                        + SchoolCalendar.written(date) + " aún no se ha registrado."));
    }

    private Course courseOf(long id) {
        return directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso " + id + "."));
    }

    private RegisterView view(AttendanceRegister register) {
        AttendanceRegister.Version current = register.current();
        return new RegisterView(
                register.courseId(),
                register.date(),
                register.hour(),
                current.number(),
                marks(current),
                current.recordedBy(),
                at(current.recordedAt()),
                current.reason(),
                register.history().stream()
                        .map(v -> new VersionView(v.number(), marks(v), v.recordedBy(), at(v.recordedAt()), v.reason()))
                        .toList());
    }

    private static List<MarkView> marks(AttendanceRegister.Version version) {
        return version.marks().stream()
                .map(m -> new MarkView(m.studentId(), m.status()))
                .toList();
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
