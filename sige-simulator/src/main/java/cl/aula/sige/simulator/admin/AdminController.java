package cl.aula.sige.simulator.admin;

import cl.aula.sige.simulator.Resettable;
import cl.aula.sige.simulator.attendance.AttendanceService;
import cl.aula.sige.simulator.stats.CallStatistics;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final List<Resettable> state;
    private final CallStatistics statistics;
    private final AttendanceService attendance;

    AdminController(List<Resettable> state, CallStatistics statistics, AttendanceService attendance) {
        this.state = state;
        this.statistics = statistics;
        this.attendance = attendance;
    }

    /** Answers only once the simulator serves requests, so a script can wait for it. */
    @GetMapping("/admin/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    /** Forgets everything: agreements, semillas, enrolments, submissions, attendance, faults, clock. */
    @PostMapping("/admin/reset")
    ResponseEntity<Void> reset() {
        state.forEach(Resettable::reset);
        log.info("Simulator state reset");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/stats")
    Stats stats() {
        return new Stats(
                statistics.operations(),
                statistics.transportFaults(),
                attendance.storedStudentDays(),
                attendance.queuedSubmissions());
    }

    record Stats(
            Map<String, CallStatistics.OperationCalls> operations,
            Map<String, Long> transportFaults,
            long storedStudentDays,
            int queuedSubmissions) {}
}
