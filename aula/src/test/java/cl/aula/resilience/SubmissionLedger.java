package cl.aula.resilience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads Aula's submissions and job queue straight from the database, so that watching a run costs
 * Aula nothing and still works while every instance is dead.
 */
final class SubmissionLedger {

    private final Connection db;

    SubmissionLedger(Connection db) {
        this.db = db;
    }

    /** How many submissions are in each state, plus QUEUED_UNSENT (queued, never tried) and SENT_POLLED. */
    Map<String, Long> states() {
        Map<String, Long> states = new TreeMap<>();
        query("""
                        select state, count(*), count(*) filter (where attempts = 0),
                               count(*) filter (where state = 'SENT' and exists (
                                   select 1 from sige_attempt a where a.submission_id = s.id
                                   and a.operation = 'getReporteEnvioAsistencia'))
                        from sige_submission s group by state""", rs -> {
            states.put(rs.getString(1), rs.getLong(2));
            if (rs.getString(1).equals("QUEUED")) {
                states.put("QUEUED_UNSENT", rs.getLong(3));
            }
            if (rs.getString(1).equals("SENT")) {
                states.put("SENT_POLLED", rs.getLong(4));
            }
        });
        return states;
    }

    long count(String state) {
        return states().getOrDefault(state, 0L);
    }

    long total() {
        return states().entrySet().stream()
                .filter(e -> !e.getKey().equals("QUEUED_UNSENT") && !e.getKey().equals("SENT_POLLED"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    long inFlight() {
        Map<String, Long> states = states();
        return states.getOrDefault("QUEUED", 0L) + states.getOrDefault("SENDING", 0L) + states.getOrDefault("SENT", 0L);
    }

    /** The SENDING rows: RBD, date, grade and when SENDING was committed. */
    List<Object[]> sending() {
        List<Object[]> rows = new ArrayList<>();
        query(
                """
                        select sc.rbd, s.date, s.grade_code, s.updated_at from sige_submission s
                        join school sc on sc.id = s.school_id where s.state = 'SENDING'""",
                rs -> rows.add(new Object[] {
                    rs.getInt(1),
                    rs.getObject(2, java.time.LocalDate.class),
                    rs.getInt(3),
                    rs.getTimestamp(4).toInstant()
                }));
        return rows;
    }

    long distinctKeys() {
        return number("select count(distinct (school_id, date, teaching_type_code, grade_code)) from sige_submission");
    }

    /** Executions of the job queue picked by the instance (running, or held by it when it died). */
    long pickedBy(String instance) {
        // The instance names are the tests' own (aula-1, aula-2), never input.
        return number("select count(*) from scheduled_tasks where picked and picked_by = '" + instance + "'");
    }

    long scheduledTasks() {
        return number("select count(*) from scheduled_tasks where task_name = 'sige-submission'");
    }

    /** The one number a query answers. */
    private long number(String sql) {
        long[] value = new long[1];
        query(sql, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    /** Submissions that were asked of SIGE with addAsistencia more than once, and how often. */
    Map<Long, Long> resent() {
        Map<Long, Long> resent = new TreeMap<>();
        query("""
                        select submission_id, count(*) from sige_attempt where operation = 'addAsistencia'
                        group by submission_id having count(*) > 1""", rs -> resent.put(rs.getLong(1), rs.getLong(2)));
        return resent;
    }

    /** Calls recorded per operation and outcome, e.g. {@code addAsistencia OK=360}. */
    Map<String, Long> attempts() {
        Map<String, Long> attempts = new TreeMap<>();
        query(
                "select operation || ' ' || outcome, count(*) from sige_attempt group by 1",
                rs -> attempts.put(rs.getString(1), rs.getLong(2)));
        return attempts;
    }

    /** The problem texts of the submissions in a state, with how many share each. */
    Map<String, Long> problems(String state) {
        Map<String, Long> problems = new TreeMap<>();
        query(
                "select coalesce(last_problem, '(none)'), count(*) from sige_submission where state = '" + state
                        + "' group by 1",
                rs -> problems.put(rs.getString(1), rs.getLong(2)));
        return problems;
    }

    /** Per school: from its first submission's creation to its last one's final state, in milliseconds. */
    List<Long> waitPerSchoolMillis() {
        List<Long> waits = new ArrayList<>();
        query("""
                        select extract(epoch from max(final_at) - min(created_at)) * 1000 from sige_submission
                        group by school_id order by school_id""", rs -> waits.add(rs.getLong(1)));
        return waits;
    }

    /** The first creation and the last final state of every submission. */
    Instant[] span() {
        Instant[] span = new Instant[2];
        query("select min(created_at), max(final_at) from sige_submission", rs -> {
            span[0] = rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant();
            span[1] = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
        });
        return span;
    }

    /** Waits until the condition holds on the states; false if it did not within the time. */
    boolean await(Predicate<Map<String, Long>> condition, Duration patience, Duration every) {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (condition.test(states())) {
                return true;
            }
            Pause.of(every);
        }
        return condition.test(states());
    }

    boolean awaitAllFinal(long expected, Duration patience) {
        return await(
                states -> {
                    long total = 0;
                    long inFlight = 0;
                    for (var entry : states.entrySet()) {
                        switch (entry.getKey()) {
                            case "QUEUED", "SENDING", "SENT" -> {
                                inFlight += entry.getValue();
                                total += entry.getValue();
                            }
                            case "QUEUED_UNSENT", "SENT_POLLED" -> {}
                            default -> total += entry.getValue();
                        }
                    }
                    return total >= expected && inFlight == 0;
                },
                patience,
                Duration.ofMillis(500));
    }

    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    void query(String sql, RowHandler handler) {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
