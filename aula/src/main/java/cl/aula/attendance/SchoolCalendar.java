package cl.aula.attendance;

import cl.aula.common.ConflictException;
import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school days of a school: the weekdays of its school year, minus the holidays and suspensions
 * the Director or Attendance Admin records, plus recovery days. Access checks are the caller's.
 */
@Service
public class SchoolCalendar {

    static final Locale CHILE = Locale.forLanguageTag("es-CL");
    private static final Logger log = LoggerFactory.getLogger(SchoolCalendar.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    SchoolCalendar(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The entries in force between the two dates, by date. */
    public List<CalendarEntry> entries(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from school_calendar_entry
                        where school_id = ? and date between ? and ? and withdrawn_at is null order by date""")
                .params(schoolId, from, to)
                .query(SchoolCalendar::entry)
                .list();
    }

    /** Whether classes are held on the date in that school year, and with which weekday's timetable. */
    public CalendarDay day(SchoolYear year, LocalDate date) {
        return days(year, date, date).get(date);
    }

    /** What the calendar says about each date between the two (both included), in one query. */
    public Map<LocalDate, CalendarDay> days(SchoolYear year, LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarEntry> entries = entries(year.schoolId(), from, to).stream()
                .collect(Collectors.toMap(CalendarEntry::date, Function.identity()));
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.put(date, year.contains(date) ? dayOf(date, entries.get(date)) : outside(year, date));
        }
        return days;
    }

    /** The school days of the school year between the two dates, in order, in one query. */
    public List<LocalDate> schoolDays(SchoolYear year, LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(year.startsOn()) ? year.startsOn() : from;
        LocalDate last = to.isAfter(year.endsOn()) ? year.endsOn() : to;
        if (last.isBefore(first)) {
            return List.of();
        }
        return days(year, first, last).values().stream()
                .filter(CalendarDay::schoolDay)
                .map(CalendarDay::date)
                .toList();
    }

    private static CalendarDay outside(SchoolYear year, LocalDate date) {
        return new CalendarDay(
                date,
                false,
                null,
                "El " + written(date) + " está fuera del año escolar " + year.year() + " (del "
                        + written(year.startsOn()) + " al " + written(year.endsOn()) + ").");
    }

    /** Records a holiday, a suspension or a recovery day, refusing with every reason at once. */
    @Transactional
    public CalendarEntry add(
            School school,
            LocalDate date,
            CalendarEntry.Kind kind,
            String reason,
            DayOfWeek timetableWeekday,
            String recordedBy) {
        List<String> problems = new ArrayList<>();
        if (date == null) {
            problems.add("Indique la fecha.");
        }
        if (kind == null) {
            problems.add("Indique si es feriado, suspensión de clases o recuperación de clases.");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("Indique el motivo: queda registrado en el calendario.");
        } else if (reason.strip().length() > 200) {
            problems.add("El motivo es demasiado largo: use como máximo 200 caracteres.");
        }
        if (kind == CalendarEntry.Kind.RECOVERY
                && (timetableWeekday == null || timetableWeekday.getValue() > DayOfWeek.FRIDAY.getValue())) {
            problems.add("Indique con el horario de qué día (lunes a viernes) se recuperan las clases.");
        }
        if (date != null && kind != null) {
            SchoolYear year = directory.schoolYearOn(school.id(), date).orElse(null);
            if (year == null) {
                problems.add("El " + written(date) + " está fuera de los años escolares del establecimiento.");
            } else {
                CalendarDay day = day(year, date);
                List<CalendarEntry> existing = entries(school.id(), date, date);
                if (!existing.isEmpty()) {
                    problems.add("El " + written(date) + " ya está marcado como "
                            + existing.get(0).kind().label().toLowerCase(CHILE)
                            + ". Retire esa marca primero si quiere cambiarla.");
                } else if (kind != CalendarEntry.Kind.RECOVERY && !day.schoolDay()) {
                    problems.add(day.whyNot());
                } else if (kind == CalendarEntry.Kind.RECOVERY && day.schoolDay()) {
                    problems.add("El " + written(date)
                            + " ya es día de clases: la recuperación se registra en un día"
                            + " sin clases, como un sábado.");
                }
                long registers = registersOn(school.id(), date);
                if (kind != CalendarEntry.Kind.RECOVERY && registers > 0) {
                    problems.add("El " + written(date) + " ya tiene " + registers + " registros de asistencia. Un día"
                            + " con asistencia registrada no puede declararse sin clases.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }

        // Two people marking the same day at once: the unique index lets one in, the other gets a conflict.
        long id = jdbc.sql("""
                        insert into school_calendar_entry
                            (school_id, date, kind, reason, timetable_weekday, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
                .params(
                        school.id(),
                        date,
                        kind.name(),
                        reason.strip(),
                        kind == CalendarEntry.Kind.RECOVERY ? timetableWeekday.getValue() : null,
                        recordedBy,
                        OffsetDateTime.now(clock))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ConflictException(
                        "Otra persona acaba de marcar el " + written(date) + " en el calendario. Recargue la página."));
        log.info("Calendar entry {} ({}) recorded for school {} on {}", id, kind, school.id(), date);
        return entries(school.id(), date, date).get(0);
    }

    /** Withdraws an entry recorded by mistake; it stays in the table with who withdrew it and when. */
    @Transactional
    public void withdraw(School school, long entryId, String withdrawnBy) {
        CalendarEntry entry = jdbc.sql("""
                        select * from school_calendar_entry where id = ? and school_id = ? and withdrawn_at is null
                        for update""")
                .params(entryId, school.id())
                .query(SchoolCalendar::entry)
                .optional()
                .orElseThrow(() -> new NotFoundException("No existe esa marca en el calendario."));
        long registers = registersOn(school.id(), entry.date());
        if (!entry.removesClasses() && registers > 0) {
            throw new RefusedException("El " + written(entry.date()) + " ya tiene " + registers
                    + " registros de asistencia: la recuperación de clases no puede retirarse.");
        }

        jdbc.sql("update school_calendar_entry set withdrawn_by = ?, withdrawn_at = ? where id = ?")
                .params(withdrawnBy, OffsetDateTime.now(clock), entryId)
                .update();
        log.info("Calendar entry {} of school {} withdrawn", entryId, school.id());
    }

    private long registersOn(long schoolId, LocalDate date) {
        return jdbc.sql("""
                        select count(*) from attendance_register r join course c on c.id = r.course_id
                        where c.school_id = ? and r.date = ?""").params(schoolId, date).query(Long.class).single();
    }

    private static CalendarDay dayOf(LocalDate date, CalendarEntry entry) {
        boolean weekday = date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        if (entry != null && entry.kind() == CalendarEntry.Kind.RECOVERY) {
            return new CalendarDay(date, true, entry.timetableWeekday(), null);
        }
        if (entry != null) {
            return new CalendarDay(
                    date,
                    false,
                    null,
                    "El " + written(date) + " es " + entry.kind().label().toLowerCase(CHILE) + " (" + entry.reason()
                            + "): no hay clases.");
        }
        if (!weekday) {
            return new CalendarDay(
                    date,
                    false,
                    null,
                    "El " + written(date) + " es " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, CHILE)
                            + ": no hay clases, salvo que se registre como recuperación de clases.");
        }
        return new CalendarDay(date, true, date.getDayOfWeek(), null);
    }

    /** A date the way the pages and messages write it, 03-12-2026. */
    static String written(LocalDate date) {
        return String.format("%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    static String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, CHILE);
    }

    private static CalendarEntry entry(ResultSet rs, int n) throws SQLException {
        int weekday = rs.getInt("timetable_weekday");
        DayOfWeek timetableWeekday = rs.wasNull() ? null : DayOfWeek.of(weekday);
        return new CalendarEntry(
                rs.getLong("id"),
                rs.getLong("school_id"),
                rs.getObject("date", LocalDate.class),
                CalendarEntry.Kind.valueOf(rs.getString("kind")),
                rs.getString("reason"),
                timetableWeekday,
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
