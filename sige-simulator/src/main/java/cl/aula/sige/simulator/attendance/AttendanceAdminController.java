package cl.aula.sige.simulator.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceAdminController {

    private final AttendanceService attendance;

    AttendanceAdminController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/admin/attendance")
    List<StoredCourse> attendance(
            @RequestParam int rbd, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return attendance.attendance(rbd, date);
    }

    @GetMapping("/admin/submissions")
    List<SubmissionView> submissions(@RequestParam(required = false) Integer rbd) {
        return attendance.submissions(rbd);
    }

    /** Processes every queued submission now, whatever its delay: tests need not wait. */
    @PostMapping("/admin/submissions/process")
    Map<String, Integer> processQueued() {
        return Map.of("processed", attendance.processQueued());
    }
}
