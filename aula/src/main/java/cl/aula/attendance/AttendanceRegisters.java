package cl.aula.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of attendance registers, for the pages, the API and the Control de Subvenciones. */
@Service
public class AttendanceRegisters {

    private final JdbcClient jdbc;

    AttendanceRegisters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The register with its whole history; empty when that hour has not been taken. */
    public Optional<AttendanceRegister> find(long courseId, LocalDate date, int hour) {
        Optional<Long> id = jdbc.sql("select id from attendance_register where course_id = ? and date = ? and hour = ?")
                .params(courseId, date, hour)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        record Row(long studentId, AttendanceStatus status, int from, Integer until) {}
        List<Row> marks = jdbc.sql("""
                        select student_id, status, from_version, until_version from attendance_mark
                        where register_id = ? order by student_id""")
                .param(id.get())
                .query((rs, n) ->
                        new Row(rs.getLong(1), AttendanceStatus.valueOf(rs.getString(2)), rs.getInt(3), (Integer)
                                rs.getObject(4)))
                .list();
        List<AttendanceRegister.Version> versions = jdbc.sql("""
                        select version, recorded_by, recorded_at, reason from attendance_revision
                        where register_id = ? order by version""")
                .param(id.get())
                .query((rs, n) -> {
                    int number = rs.getInt(1);
                    List<AttendanceRegister.Mark> valid = marks.stream()
                            .filter(m -> m.from() <= number && (m.until() == null || m.until() > number))
                            .map(m -> new AttendanceRegister.Mark(m.studentId(), m.status()))
                            .toList();
                    return new AttendanceRegister.Version(
                            number, valid, rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
                })
                .list();
        AttendanceRegister.Version current = versions.get(versions.size() - 1);
        return Optional.of(new AttendanceRegister(
                courseId, date, hour, current, List.copyOf(versions.subList(0, versions.size() - 1))));
    }

    /** The version of each class hour already taken on that date. */
    public Map<Integer, Integer> versionsOn(long courseId, LocalDate date) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        jdbc.sql("select hour, version from attendance_register where course_id = ? and date = ? order by hour")
                .params(courseId, date)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getInt(2)))
                .list()
                .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /** The current marks of one class hour on every date between the two that has a register, in one query. */
    public Map<LocalDate, HourMarks> marksAt(long courseId, int hour, LocalDate from, LocalDate to) {
        record Row(LocalDate date, int version, Instant changedAt, Long studentId, AttendanceStatus status) {}
        List<Row> rows = jdbc.sql("""
                        select r.date, r.version, r.changed_at, m.student_id, m.status
                        from attendance_register r
                        left join attendance_mark m on m.register_id = r.id and m.until_version is null
                        where r.course_id = ? and r.hour = ? and r.date between ? and ?""")
                .params(courseId, hour, from, to)
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant(),
                        (Long) rs.getObject(4),
                        rs.getString(5) == null ? null : AttendanceStatus.valueOf(rs.getString(5))))
                .list();
        Map<LocalDate, HourMarks> byDate = new HashMap<>();
        for (Row row : rows) {
            HourMarks day = byDate.computeIfAbsent(
                    row.date(), d -> new HourMarks(d, hour, row.version(), row.changedAt(), new HashMap<>()));
            if (row.studentId() != null) {
                day.marks().put(row.studentId(), row.status());
            }
        }
        Map<LocalDate, HourMarks> sorted = new LinkedHashMap<>();
        byDate.keySet().stream().sorted(Comparator.naturalOrder()).forEach(date -> sorted.put(date, byDate.get(date)));
        return sorted;
    }

    /** When the marks of that register last changed; empty when it has not been taken. */
    public Optional<Instant> changedAt(long courseId, LocalDate date, int hour) {
        return jdbc.sql("select changed_at from attendance_register where course_id = ? and date = ? and hour = ?")
                .params(courseId, date, hour)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }
}
