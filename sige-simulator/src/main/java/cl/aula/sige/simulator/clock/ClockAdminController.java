package cl.aula.sige.simulator.clock;

import cl.aula.sige.simulator.InvalidControlRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/clock")
class ClockAdminController {

    private final SimulatorClock clock;

    ClockAdminController(SimulatorClock clock) {
        this.clock = clock;
    }

    @PutMapping
    ResponseEntity<Void> fix(@RequestBody ClockSetting setting) {
        if (setting == null || setting.now() == null) {
            throw new InvalidControlRequestException("now is required, e.g. 2026-03-10T10:00:00-03:00");
        }
        clock.fixAt(setting.now().toInstant());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> resume() {
        clock.resume();
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ClockState read() {
        Instant now = clock.instant();
        return new ClockState(
                now.atZone(SimulatorClock.SANTIAGO).toOffsetDateTime(),
                clock.fixedAt().isPresent());
    }

    record ClockSetting(OffsetDateTime now) {}

    record ClockState(OffsetDateTime now, boolean fixed) {}
}
