package cl.aula.sige;

import cl.aula.common.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIGE's declaration calendar and the month that can be sent. SIGE's month does not change on the
 * 1st: it changes when the month's declaration period closes, a few days into the next month.
 */
@Service
public class DeclarationCalendar {

    static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    /**
     * When support has not entered a month's closing (ours): the 5th of the next month at 17:00 in
     * Santiago, close to the published example (August closed on 2 September at 17:00) but on the
     * safe side of the "send from about the 7th" advice. The simulator uses the same default.
     */
    static final int DEFAULT_CLOSING_DAY = 5;

    static final LocalTime DEFAULT_CLOSING_TIME = LocalTime.of(17, 0);

    private final JdbcClient jdbc;
    private final Clock clock;

    DeclarationCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month SIGE accepts now, and when its declaration period closes. */
    public record OpenMonth(YearMonth month, OffsetDateTime closesAt) {

        public boolean contains(LocalDate date) {
            return YearMonth.from(date).equals(month);
        }
    }

    public OpenMonth openMonth() {
        return openMonthAt(clock.instant());
    }

    /**
     * The earliest month that has begun and whose declaration period has not closed at the instant.
     */
    public OpenMonth openMonthAt(Instant instant) {
        Map<YearMonth, OffsetDateTime> entered = entered();
        YearMonth current = YearMonth.from(instant.atZone(SANTIAGO));
        for (YearMonth month = current.minusMonths(2); !month.isAfter(current); month = month.plusMonths(1)) {
            OffsetDateTime closes = closingOf(month, entered);
            if (closes.toInstant().isAfter(instant)) {
                return new OpenMonth(month, closes);
            }
        }
        // The current month's period always closes after the month began, so this is not reached.
        return new OpenMonth(current, closingOf(current, entered));
    }

    /** When the month after the open one can be sent: when the open month's period closes. */
    public OffsetDateTime nextMonthOpensAt() {
        return openMonth().closesAt();
    }

    public OffsetDateTime closingOf(YearMonth month) {
        return closingOf(month, entered());
    }

    @Transactional
    public void setClosing(String monthText, String closesAtText, String by) {
        YearMonth month;
        OffsetDateTime closesAt;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            throw new RefusedException("El mes «" + monthText + "» no es válido: use AAAA-MM.");
        }
        try {
            closesAt = closesAtText == null ? null : OffsetDateTime.parse(closesAtText);
        } catch (DateTimeParseException e) {
            closesAt = null;
        }
        if (closesAt == null) {
            throw new RefusedException(
                    "Indique el cierre como fecha y hora con zona, por ejemplo 2026-09-02T17:00:00-03:00.");
        }
        if (!closesAt.toLocalDate().isAfter(month.atEndOfMonth().minusDays(1))
                || closesAt.toLocalDate().isAfter(month.plusMonths(2).atEndOfMonth())) {
            throw new RefusedException("El periodo de declaración de " + month
                    + " debe cerrar entre el último día del mes y el fin del mes siguiente.");
        }
        jdbc.sql("""
                        insert into declaration_period (month, closes_at, set_by, set_at) values (?, ?, ?, ?)
                        on conflict (month) do update set closes_at = excluded.closes_at, set_by = excluded.set_by,
                            set_at = excluded.set_at""")
                .params(month.toString(), closesAt, by, OffsetDateTime.now(clock))
                .update();
    }

    public Optional<OffsetDateTime> entered(YearMonth month) {
        return Optional.ofNullable(entered().get(month));
    }

    private Map<YearMonth, OffsetDateTime> entered() {
        return jdbc
                .sql("select month, closes_at from declaration_period")
                .query((rs, n) -> Map.entry(YearMonth.parse(rs.getString(1)), rs.getObject(2, OffsetDateTime.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static OffsetDateTime closingOf(YearMonth month, Map<YearMonth, OffsetDateTime> entered) {
        OffsetDateTime set = entered.get(month);
        if (set != null) {
            return set;
        }
        return month.plusMonths(1)
                .atDay(DEFAULT_CLOSING_DAY)
                .atTime(DEFAULT_CLOSING_TIME)
                .atZone(SANTIAGO)
                .toOffsetDateTime();
    }
}
