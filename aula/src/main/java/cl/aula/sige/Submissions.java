package cl.aula.sige;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submissions' rows. Every change of state is a guarded update ({@code where state = ?}) so
 * that a late or repeated worker can never move a submission backwards.
 */
@Repository
class Submissions {

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a queued submission unless one for the same key is in flight; answers its id if created. */
    Optional<Long> createQueued(long syncId, long schoolId, Payload payload, Instant now, Instant deadline) {
        return jdbc.sql("""
                        insert into sige_submission (sync_id, school_id, date, teaching_type_code, grade_code, state,
                            fingerprint, course_fingerprints, payload, deadline_at, created_at, updated_at,
                            next_attempt_at)
                        values (?, ?, ?, ?, ?, 'QUEUED', ?, ?::jsonb, ?, ?, ?, ?, ?)
                        on conflict (school_id, date, teaching_type_code, grade_code)
                            where state in ('QUEUED', 'SENDING', 'SENT') do nothing
                        returning id""")
                .params(
                        syncId,
                        schoolId,
                        payload.key().date(),
                        payload.key().teachingTypeCode(),
                        payload.key().gradeCode(),
                        payload.fingerprint(),
                        json(payload.courseFingerprints()),
                        payload.canonical(),
                        at(deadline),
                        at(now),
                        at(now),
                        at(now))
                .query(Long.class)
                .optional();
    }

    Optional<Submission> find(long id) {
        return jdbc.sql("select * from sige_submission where id = ?")
                .param(id)
                .query(Submissions::submission)
                .optional();
    }

    List<Submission> ofSync(long syncId) {
        return jdbc.sql("select * from sige_submission where sync_id = ? order by date, teaching_type_code, grade_code")
                .param(syncId)
                .query(Submissions::submission)
                .list();
    }

    /** The newest submission of each grade-day of the school between the dates. */
    Map<GradeDay, Submission> latest(long schoolId, LocalDate from, LocalDate to) {
        Map<GradeDay, Submission> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (date, teaching_type_code, grade_code) * from sige_submission
                        where school_id = ? and date between ? and ?
                        order by date, teaching_type_code, grade_code, id desc""")
                .params(schoolId, from, to)
                .query(Submissions::submission)
                .list()
                .forEach(submission -> latest.put(submission.key(), submission));
        return latest;
    }

    /** Before calling addAsistencia: what is about to be sent, committed first. */
    boolean markSending(long id, SubmissionState from, Payload payload, Instant now) {
        return jdbc.sql("""
                                update sige_submission set state = 'SENDING', attempts = attempts + 1, payload = ?,
                                    fingerprint = ?, course_fingerprints = ?::jsonb, updated_at = ?,
                                    next_attempt_at = null
                                where id = ? and state = ?""")
                        .params(
                                payload.canonical(),
                                payload.fingerprint(),
                                json(payload.courseFingerprints()),
                                at(now),
                                id,
                                from.name())
                        .update()
                == 1;
    }

    boolean markSent(long id, String submissionCode, Instant firstReportAt, Instant now) {
        return jdbc.sql("""
                                update sige_submission set state = 'SENT', submission_code = ?, next_attempt_at = ?,
                                    last_problem = null, updated_at = ?
                                where id = ? and state = 'SENDING'""")
                        .params(submissionCode, at(firstReportAt), at(now), id)
                        .update()
                == 1;
    }

    /** A transient failure: the submission waits for the next attempt, with the reason shown to people. */
    boolean markRetry(
            long id, SubmissionState from, SubmissionState to, Instant nextAttempt, String problem, Instant now) {
        return jdbc.sql("""
                                update sige_submission set state = ?, next_attempt_at = ?, last_problem = ?,
                                    updated_at = ?
                                where id = ? and state = ?""")
                        .params(to.name(), at(nextAttempt), problem, at(now), id, from.name())
                        .update()
                == 1;
    }

    /**
     * The circuit breaker or the pace kept the call in: nothing reached SIGE, so the submission is queued
     * again and the attempt counted by {@link #markSending} is given back.
     */
    boolean markNotSent(long id, Instant nextAttempt, String problem, Instant now) {
        String requeue = """
                update sige_submission set state = 'QUEUED', attempts = attempts - 1,
                    next_attempt_at = ?, last_problem = ?, updated_at = ?
                where id = ? and state = 'SENDING'""";
        return jdbc.sql(requeue).params(at(nextAttempt), problem, at(now), id).update() == 1;
    }

    boolean markFinal(
            long id, SubmissionState from, SubmissionState to, Integer reportCode, String problem, Instant now) {
        return jdbc.sql("""
                                update sige_submission set state = ?, report_code = ?, last_problem = ?, final_at = ?,
                                    updated_at = ?, next_attempt_at = null
                                where id = ? and state = ?""")
                        .params(to.name(), reportCode, problem, at(now), at(now), id, from.name())
                        .update()
                == 1;
    }

    void recordAttempt(long id, String operation, Integer code, String outcome, String detail, Instant at) {
        jdbc.sql("""
                        insert into sige_attempt (submission_id, operation, at, code, outcome, detail)
                        values (?, ?, ?, ?, ?, ?)""").params(id, operation, at(at), code, outcome, detail).update();
    }

    void recordMessages(long id, List<Guidance.Message> messages) {
        for (Guidance.Message message : messages) {
            jdbc.sql("""
                            insert into sige_message (submission_id, text, kind, course_letter, run_number)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, message.text(), message.kind().name(), message.courseLetter(), message.runNumber())
                    .update();
        }
    }

    List<Guidance.Message> messages(long id) {
        return jdbc
                .sql("select text from sige_message where submission_id = ? order by id")
                .param(id)
                .query(String.class)
                .list()
                .stream()
                .map(Guidance::read)
                .toList();
    }

    record Attempt(String operation, Instant at, Integer code, String outcome, String detail) {}

    List<Attempt> attempts(long id) {
        return jdbc.sql("select operation, at, code, outcome, detail from sige_attempt where submission_id = ?"
                        + " order by id")
                .param(id)
                .query((rs, n) -> new Attempt(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<Long, String> prints) {
        StringBuilder json = new StringBuilder("{");
        prints.forEach((course, print) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(course)
                .append("\":\"")
                .append(print)
                .append('"'));
        return json.append('}').toString();
    }

    private static Map<Long, String> parse(String json) {
        Map<Long, String> prints = new LinkedHashMap<>();
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        if (body.isEmpty()) {
            return prints;
        }
        for (String pair : body.split(",")) {
            String[] parts = pair.split(":");
            prints.put(
                    Long.parseLong(parts[0].strip().replace("\"", "")),
                    parts[1].strip().replace("\"", ""));
        }
        return prints;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Submission submission(ResultSet rs, int n) throws SQLException {
        return new Submission(
                rs.getLong("id"),
                rs.getLong("sync_id"),
                rs.getLong("school_id"),
                new GradeDay(
                        rs.getObject("date", LocalDate.class),
                        rs.getInt("teaching_type_code"),
                        rs.getInt("grade_code")),
                SubmissionState.valueOf(rs.getString("state")),
                rs.getString("fingerprint"),
                parse(rs.getString("course_fingerprints")),
                rs.getString("submission_code"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "deadline_at"),
                rs.getString("last_problem"),
                (Integer) rs.getObject("report_code"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "final_at"));
    }
}
