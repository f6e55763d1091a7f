package cl.aula.sige;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every sync a school asked for, with each submission's attempts and SIGE's answers. Read-only. */
@Service
public class SyncHistory {

    private final JdbcClient jdbc;
    private final Submissions submissions;

    SyncHistory(JdbcClient jdbc, Submissions submissions) {
        this.jdbc = jdbc;
        this.submissions = submissions;
    }

    /** IN_PROGRESS while any submission is in flight; then NEEDS_ATTENTION if any failed or was rejected. */
    public enum SyncState {
        IN_PROGRESS,
        NEEDS_ATTENTION,
        DONE
    }

    public record MessageView(String text, String guidance, String kind, String courseLetter, Integer runNumber) {}

    public record AttemptView(String operation, Instant at, Integer code, String outcome, String detail) {}

    public record SubmissionView(
            long id,
            LocalDate date,
            int teachingTypeCode,
            int gradeCode,
            SubmissionState state,
            String submissionCode,
            int attempts,
            Instant nextAttemptAt,
            String problem,
            List<MessageView> messages,
            List<AttemptView> history) {}

    public record SyncView(
            long id,
            LocalDate from,
            LocalDate to,
            String requestedBy,
            Instant requestedAt,
            SyncState state,
            String leftOut,
            List<SubmissionView> submissions) {}

    public List<SyncView> ofSchool(long schoolId, int limit) {
        return jdbc
                .sql("select * from sige_sync where school_id = ? order by requested_at desc, id desc limit ?")
                .params(schoolId, limit)
                .query(SyncHistory::sync)
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    public Optional<SyncView> find(long schoolId, long syncId) {
        return jdbc.sql("select * from sige_sync where school_id = ? and id = ?")
                .params(schoolId, syncId)
                .query(SyncHistory::sync)
                .optional()
                .map(this::view);
    }

    private SyncView view(Sync sync) {
        List<SubmissionView> views = submissions.ofSync(sync.id()).stream()
                .map(s -> new SubmissionView(
                        s.id(),
                        s.key().date(),
                        s.key().teachingTypeCode(),
                        s.key().gradeCode(),
                        s.state(),
                        s.submissionCode(),
                        s.attempts(),
                        s.nextAttemptAt(),
                        s.lastProblem(),
                        submissions.messages(s.id()).stream()
                                .map(m -> new MessageView(
                                        m.text(), m.guidance(), m.kind().name(), m.courseLetter(), m.runNumber()))
                                .toList(),
                        submissions.attempts(s.id()).stream()
                                .map(a -> new AttemptView(a.operation(), a.at(), a.code(), a.outcome(), a.detail()))
                                .toList()))
                .toList();
        SyncState state = views.stream().anyMatch(v -> v.state().inFlight())
                ? SyncState.IN_PROGRESS
                : views.stream()
                                .anyMatch(v ->
                                        v.state() == SubmissionState.FAILED || v.state() == SubmissionState.REJECTED)
                        ? SyncState.NEEDS_ATTENTION
                        : SyncState.DONE;
        return new SyncView(
                sync.id(),
                sync.from(),
                sync.to(),
                sync.requestedBy(),
                sync.requestedAt(),
                state,
                sync.leftOut(),
                views);
    }

    private static Sync sync(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sync(
                rs.getLong("id"),
                rs.getLong("school_id"),
                rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("left_out"));
    }
}
