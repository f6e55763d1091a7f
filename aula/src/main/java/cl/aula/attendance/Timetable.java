package cl.aula.attendance;

import cl.aula.common.RefusedException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each course's numbered class hours per weekday. Access checks are the caller's. */
@Service
public class Timetable {

    /** The most class hours a day can have; the schema allows the same. */
    public static final int MAX_HOURS = 12;

    private static final Logger log = LoggerFactory.getLogger(Timetable.class);

    private final JdbcClient jdbc;

    Timetable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The course's whole week, by weekday and hour. */
    public List<ClassHour> week(long courseId) {
        return jdbc.sql("select * from class_hour where course_id = ? order by weekday, hour")
                .param(courseId)
                .query((rs, n) -> new ClassHour(
                        DayOfWeek.of(rs.getInt("weekday")),
                        rs.getInt("hour"),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getObject("ends_at", LocalTime.class)))
                .list();
    }

    public List<ClassHour> hoursOn(long courseId, DayOfWeek weekday) {
        return jdbc.sql("select * from class_hour where course_id = ? and weekday = ? order by hour")
                .params(courseId, weekday.getValue())
                .query((rs, n) -> new ClassHour(
                        weekday,
                        rs.getInt("hour"),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getObject("ends_at", LocalTime.class)))
                .list();
    }

    /**
     * Replaces the course's timetable. Registers already taken keep their hour number: the timetable
     * only decides which hours can be recorded from now on.
     */
    @Transactional
    public void replace(long courseId, List<ClassHour> hours) {
        List<String> problems = problemsOf(hours);
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0), problems);
        }

        jdbc.sql("delete from class_hour where course_id = ?").param(courseId).update();
        for (ClassHour hour : hours) {
            jdbc.sql("insert into class_hour (course_id, weekday, hour, starts_at, ends_at) values (?, ?, ?, ?, ?)")
                    .params(courseId, hour.weekday().getValue(), hour.hour(), hour.startsAt(), hour.endsAt())
                    .update();
        }
        log.info("Timetable of course {} replaced: {} class hours a week", courseId, hours.size());
    }

    /**
     * The usual week: {@code hours} class hours Monday to Friday from 08:00, 45 minutes each with
     * 5 minutes between them.
     */
    public static List<ClassHour> standardWeek(int hours) {
        List<ClassHour> week = new ArrayList<>();
        for (DayOfWeek day = DayOfWeek.MONDAY; day.getValue() <= 5; day = day.plus(1)) {
            for (int hour = 1; hour <= hours; hour++) {
                LocalTime start = LocalTime.of(8, 0).plusMinutes(50L * (hour - 1));
                week.add(new ClassHour(day, hour, start, start.plusMinutes(45)));
            }
        }
        return week;
    }

    static List<String> problemsOf(List<ClassHour> hours) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClassHour hour : hours) {
            String day = SchoolCalendar.weekdayName(hour.weekday());
            if (hour.hour() < 1 || hour.hour() > MAX_HOURS) {
                problems.add("La hora " + hour.hour() + " del " + day + " no es válida: las horas van de 1 a "
                        + MAX_HOURS + ".");
            }
            if (!seen.add(hour.weekday() + "/" + hour.hour())) {
                problems.add("La hora " + hour.hour() + " del " + day + " aparece dos veces.");
            }
            if (hour.startsAt() == null
                    || hour.endsAt() == null
                    || !hour.endsAt().isAfter(hour.startsAt())) {
                problems.add("La hora " + hour.hour() + " del " + day + " debe terminar después de comenzar.");
            }
        }
        List<ClassHour> sorted = hours.stream()
                .filter(h -> h.startsAt() != null && h.endsAt() != null)
                .sorted(Comparator.comparing(ClassHour::weekday).thenComparing(ClassHour::hour))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            ClassHour before = sorted.get(i - 1);
            ClassHour after = sorted.get(i);
            if (before.weekday() == after.weekday() && after.startsAt().isBefore(before.endsAt())) {
                problems.add("El " + SchoolCalendar.weekdayName(after.weekday()) + ", la hora " + after.hour()
                        + " comienza antes de que termine la hora " + before.hour() + ".");
            }
        }
        return problems;
    }
}
