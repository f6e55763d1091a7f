package cl.aula.directory;

import cl.aula.common.NotFoundException;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import cl.aula.security.StaffAccounts;
import cl.aula.security.StaffPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The class-book part of the JSON API that concerns the directory (see API.md). */
@RestController
@RequestMapping("/api/v1")
class DirectoryApi {

    private final Directory directory;
    private final SchoolAccess access;
    private final StaffAccounts accounts;
    private final IdentifierCorrection correction;
    private final Clock clock;

    DirectoryApi(
            Directory directory,
            SchoolAccess access,
            StaffAccounts accounts,
            IdentifierCorrection correction,
            Clock clock) {
        this.directory = directory;
        this.access = access;
        this.accounts = accounts;
        this.correction = correction;
        this.clock = clock;
    }

    record RoleView(String rbd, Role role) {}

    record MeView(String username, String fullName, List<RoleView> roles) {}

    record CourseView(long id, int year, int teachingTypeCode, int gradeCode, String letter, String name) {}

    record IdentifierView(IdentifierType type, int number, String dv) {}

    record StudentView(
            long id,
            int listNumber,
            String fullName,
            IdentifierView identifier,
            LocalDate enrolledOn,
            LocalDate withdrawnOn) {}

    @GetMapping("/me")
    MeView me() {
        StaffPrincipal me = access.current();
        List<RoleView> roles = accounts.rolesOf(me.staffId()).stream()
                .map(role -> new RoleView(
                        role.schoolId() == null
                                ? null
                                : directory
                                        .school(role.schoolId())
                                        .orElseThrow()
                                        .rbdText(),
                        role.role()))
                .toList();
        return new MeView(me.username(), me.fullName(), roles);
    }

    @GetMapping("/schools/{rbd}/courses")
    List<CourseView> courses(@PathVariable String rbd) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        return directory.courses(school.id()).stream()
                .map(c -> new CourseView(c.id(), c.year(), c.teachingTypeCode(), c.gradeCode(), c.letter(), c.name()))
                .toList();
    }

    @GetMapping("/courses/{id}/students")
    List<StudentView> students(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Course course = directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso " + id + "."));
        access.requireMember(course.schoolId());

        LocalDate on = date == null ? LocalDate.now(clock) : date;
        return directory.studentsEnrolled(course.id(), on).stream()
                .map(DirectoryApi::view)
                .toList();
    }

    @PutMapping("/students/{id}/identifier")
    Map<String, Object> correctIdentifier(@PathVariable long id, @RequestBody IdentifierCorrection.Request request) {
        Student student =
                directory.student(id).orElseThrow(() -> new NotFoundException("No existe el alumno " + id + "."));
        access.require(student.schoolId(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        StudentIdentifier now =
                correction.correct(student, request, access.current().username());
        return Map.of(
                "studentId", student.id(),
                "identifier",
                        new IdentifierView(
                                now.type(),
                                now.run().number(),
                                String.valueOf(now.run().dv())),
                "validFrom", now.validFrom());
    }

    private School schoolOf(String rbd) {
        return directory
                .schoolByRbd(rbd)
                .orElseThrow(() -> new NotFoundException("No existe el establecimiento " + rbd + "."));
    }

    static StudentView view(EnrolledStudent s) {
        IdentifierView identifier = s.identifier() == null
                ? null
                : new IdentifierView(
                        s.identifier().type(),
                        s.identifier().run().number(),
                        String.valueOf(s.identifier().run().dv()));
        return new StudentView(
                s.studentId(), s.listNumber(), s.fullName(), identifier, s.enrolledOn(), s.withdrawnOn());
    }
}
