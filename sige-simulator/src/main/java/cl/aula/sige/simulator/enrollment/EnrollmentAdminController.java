package cl.aula.sige.simulator.enrollment;

import cl.aula.sige.simulator.InvalidControlRequestException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/schools/{rbd}/enrollment")
class EnrollmentAdminController {

    private final EnrollmentRegistry enrollments;

    EnrollmentAdminController(EnrollmentRegistry enrollments) {
        this.enrollments = enrollments;
    }

    @PutMapping
    ResponseEntity<Void> replace(@PathVariable int rbd, @RequestBody List<EnrollmentEntry> entries) {
        if (entries == null) {
            throw new InvalidControlRequestException("the body must be a JSON array of enrolments");
        }
        enrollments.replace(
                rbd, entries.stream().map(EnrollmentEntry::toEnrolledStudent).toList());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ResponseEntity<List<EnrolledStudent>> read(@PathVariable int rbd) {
        return enrollments
                .school(rbd)
                .map(s -> ResponseEntity.ok(s.students()))
                .orElse(ResponseEntity.notFound().build());
    }

    @DeleteMapping
    ResponseEntity<Void> forget(@PathVariable int rbd) {
        return enrollments.forget(rbd)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** An entry as JSON gives it: numbers may be missing, which the registry reports. */
    record EnrollmentEntry(
            Run run,
            Integer teachingTypeCode,
            Integer gradeCode,
            String letter,
            LocalDate enrolledOn,
            LocalDate withdrawnOn) {

        EnrolledStudent toEnrolledStudent() {
            return new EnrolledStudent(
                    run,
                    teachingTypeCode == null ? 0 : teachingTypeCode,
                    gradeCode == null ? 0 : gradeCode,
                    letter,
                    enrolledOn,
                    withdrawnOn);
        }
    }
}
