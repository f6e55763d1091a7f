package cl.aula.sige.simulator.calendar;

import cl.aula.sige.simulator.InvalidControlRequestException;
import cl.aula.sige.simulator.clock.SimulatorClock;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CalendarAdminController {

    private final DeclarationCalendar calendar;
    private final Clock clock;

    CalendarAdminController(DeclarationCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @PutMapping("/admin/declaration-periods/{month}")
    ResponseEntity<Void> setClosing(@PathVariable String month, @RequestBody ClosingSetting setting) {
        if (setting == null || setting.closesAt() == null) {
            throw new InvalidControlRequestException("closesAt is required, e.g. 2026-04-05T17:00:00-03:00");
        }
        calendar.setClosesAt(parseMonth(month), setting.closesAt().toInstant());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/declaration-periods/{month}")
    DeclarationPeriod read(@PathVariable String month) {
        YearMonth yearMonth = parseMonth(month);
        return new DeclarationPeriod(yearMonth, inSantiago(calendar.closesAt(yearMonth)), calendar.isSet(yearMonth));
    }

    @GetMapping("/admin/open-month")
    OpenMonth openMonth() {
        Instant now = clock.instant();
        YearMonth open = calendar.openMonth(now).orElse(null);
        return new OpenMonth(inSantiago(now), open, open == null ? null : inSantiago(calendar.closesAt(open)));
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidControlRequestException("month must be written YYYY-MM, not " + month);
        }
    }

    private static OffsetDateTime inSantiago(Instant instant) {
        return instant.atZone(SimulatorClock.SANTIAGO).toOffsetDateTime();
    }

    record ClosingSetting(OffsetDateTime closesAt) {}

    record DeclarationPeriod(YearMonth month, OffsetDateTime closesAt, boolean set) {}

    record OpenMonth(OffsetDateTime now, YearMonth openMonth, OffsetDateTime closesAt) {}
}
