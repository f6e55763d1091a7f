package cl.aula.directory;

import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.security.Role;
import cl.aula.security.SchoolAccess;
import cl.aula.security.SchoolRole;
import cl.aula.security.StaffAccounts;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's pages: school home, courses, a student's page, staff and the roster import. */
@Controller
class DirectoryPages {

    private final Directory directory;
    private final SchoolAccess access;
    private final StaffAccounts accounts;
    private final IdentifierCorrection correction;
    private final RosterImport rosterImport;
    private final Clock clock;

    DirectoryPages(
            Directory directory,
            SchoolAccess access,
            StaffAccounts accounts,
            IdentifierCorrection correction,
            RosterImport rosterImport,
            Clock clock) {
        this.directory = directory;
        this.access = access;
        this.accounts = accounts;
        this.correction = correction;
        this.rosterImport = rosterImport;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        List<SchoolRole> roles = accounts.rolesOf(access.current().staffId());
        List<Long> schoolIds = roles.stream()
                .map(SchoolRole::schoolId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (schoolIds.size() == 1) {
            return "redirect:/escuelas/"
                    + directory.school(schoolIds.get(0)).orElseThrow().rbdText();
        }
        model.addAttribute("schools", directory.schools(schoolIds));
        model.addAttribute("support", roles.stream().anyMatch(r -> r.role() == Role.SUPPORT));
        return "directory/start";
    }

    @GetMapping("/escuelas/{rbd}")
    String school(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        Set<Role> roles = access.requireMember(school.id());

        model.addAttribute("school", school);
        model.addAttribute("roles", roles);
        model.addAttribute("canManage", roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN));
        model.addAttribute("courses", directory.courses(school.id()));
        return "directory/school";
    }

    @GetMapping("/escuelas/{rbd}/cursos")
    String courses(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        access.requireMember(school.id());

        model.addAttribute("school", school);
        model.addAttribute("courses", directory.courses(school.id()));
        return "directory/courses";
    }

    @GetMapping("/cursos/{id}")
    String course(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fecha,
            Model model) {
        Course course = directory.course(id).orElseThrow(() -> new NotFoundException("No existe el curso."));
        access.requireMember(course.schoolId());

        LocalDate date = fecha == null ? LocalDate.now(clock) : fecha;
        model.addAttribute("school", directory.school(course.schoolId()).orElseThrow());
        model.addAttribute("course", course);
        model.addAttribute("date", date);
        model.addAttribute("students", directory.studentsEnrolled(course.id(), date));
        return "directory/course";
    }

    @GetMapping("/alumnos/{id}")
    String student(@PathVariable long id, Model model) {
        Student student = studentOf(id);
        Set<Role> roles = access.requireMember(student.schoolId());

        model.addAttribute("school", directory.school(student.schoolId()).orElseThrow());
        model.addAttribute("student", student);
        model.addAttribute("history", directory.identifierHistory(student.id()));
        model.addAttribute(
                "current",
                directory.identifierOn(student.id(), LocalDate.now(clock)).orElse(null));
        model.addAttribute(
                "enrollments",
                directory.enrollmentsOfStudent(student.id()).stream()
                        .map(e -> new EnrollmentRow(
                                e, directory.course(e.courseId()).orElseThrow()))
                        .toList());
        model.addAttribute("canCorrect", roles.contains(Role.DIRECTOR) || roles.contains(Role.ATTENDANCE_ADMIN));
        model.addAttribute("today", LocalDate.now(clock));
        return "directory/student";
    }

    record EnrollmentRow(Enrollment enrollment, Course course) {}

    @PostMapping("/alumnos/{id}/identificador")
    String correctIdentifier(
            @PathVariable long id,
            @RequestParam(required = false) IdentifierType type,
            @RequestParam(required = false) String run,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        Student student = studentOf(id);
        access.require(student.schoolId(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        var parsed = cl.aula.common.Run.parse(run);
        if (!parsed.isValid()) {
            redirect.addFlashAttribute("errors", List.of(parsed.refusal()));
            return "redirect:/alumnos/" + id;
        }
        try {
            correction.correct(
                    student,
                    new IdentifierCorrection.Request(
                            type,
                            (long) parsed.get().number(),
                            String.valueOf(parsed.get().dv()),
                            validFrom,
                            reason),
                    access.current().username());
            redirect.addFlashAttribute("message", "Identificador corregido. El anterior queda en el historial.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/alumnos/" + id;
    }

    @GetMapping("/escuelas/{rbd}/funcionarios")
    String staff(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        Set<Role> roles = access.requireMember(school.id());

        model.addAttribute("school", school);
        model.addAttribute("staff", accounts.staffOf(school.id()));
        model.addAttribute("schoolRoles", List.of(Role.DIRECTOR, Role.ATTENDANCE_ADMIN, Role.TEACHER));
        model.addAttribute("canAssign", roles.contains(Role.DIRECTOR));
        return "directory/staff";
    }

    @PostMapping("/escuelas/{rbd}/funcionarios/{staffId}/roles")
    String assignRole(
            @PathVariable String rbd,
            @PathVariable long staffId,
            @RequestParam Role role,
            @RequestParam boolean granted,
            RedirectAttributes redirect) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR);
        boolean member = accounts.staffOf(school.id()).stream().anyMatch(m -> m.id() == staffId);
        if (!member || role == Role.SUPPORT) {
            throw new NotFoundException("No existe ese funcionario en este establecimiento.");
        }
        if (!granted && role == Role.DIRECTOR && staffId == access.current().staffId()) {
            redirect.addFlashAttribute("errors", List.of("No puede quitarse a sí mismo el rol de director."));
            return "redirect:/escuelas/" + school.rbdText() + "/funcionarios";
        }

        accounts.setRole(staffId, school.id(), role, granted, access.current().username());
        redirect.addFlashAttribute("message", "Rol actualizado.");
        return "redirect:/escuelas/" + school.rbdText() + "/funcionarios";
    }

    @GetMapping("/escuelas/{rbd}/importar")
    String importForm(@PathVariable String rbd, Model model) {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);

        model.addAttribute("school", school);
        model.addAttribute("columns", String.join(",", RosterImport.COLUMNS));
        return "directory/import";
    }

    @PostMapping("/escuelas/{rbd}/importar")
    String importRoster(@PathVariable String rbd, @RequestParam("archivo") MultipartFile file, Model model)
            throws IOException {
        School school = schoolOf(rbd);
        access.require(school.id(), Role.DIRECTOR, Role.ATTENDANCE_ADMIN);
        if (file.getSize() > RosterImport.MAX_BYTES) {
            // The container refuses larger requests first; this guards any other way in.
            throw new org.springframework.web.multipart.MaxUploadSizeExceededException(RosterImport.MAX_BYTES);
        }

        RosterImport.Outcome outcome = rosterImport.importFile(
                school, file.getBytes(), access.current().username());
        model.addAttribute("school", school);
        model.addAttribute("columns", String.join(",", RosterImport.COLUMNS));
        model.addAttribute("outcome", outcome);
        return "directory/import";
    }

    private School schoolOf(String rbd) {
        return directory.schoolByRbd(rbd).orElseThrow(() -> new NotFoundException("No existe el establecimiento."));
    }

    private Student studentOf(long id) {
        return directory.student(id).orElseThrow(() -> new NotFoundException("No existe el alumno."));
    }
}
