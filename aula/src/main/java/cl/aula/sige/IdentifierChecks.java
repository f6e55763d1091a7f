package cl.aula.sige;

import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.mineduc.wwwfs.archivos.schemas.EntradaValidaAlumnoSige;
import cl.mineduc.wwwfs.archivos.schemas.Run;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks SIGE (getValidacion) about every enrolled student's current identifier before anything is
 * sent, so that an unknown RUN or a provisional IPE is fixed before the six-hour wait instead of
 * after it. Runs as a job on the queue, at a rate that leaves room for submissions, and resumes
 * where it stopped when SIGE was away.
 */
@Service
public class IdentifierChecks {

    private static final Logger log = LoggerFactory.getLogger(IdentifierChecks.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Agreements agreements;
    private final SigeClient client;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Duration maxAge;
    private final IntervalFunction retryBackoff;
    private volatile JobQueue queue;

    IdentifierChecks(
            JdbcClient jdbc,
            Directory directory,
            Agreements agreements,
            SigeClient client,
            RateLimiter sigeCheckRateLimiter,
            Clock clock,
            @Value("${aula.sige.checks.max-age:7d}") Duration maxAge,
            @Value("${aula.sige.retry.initial:10s}") Duration retryInitial,
            @Value("${aula.sige.retry.max:15m}") Duration retryMax) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.agreements = agreements;
        this.client = client;
        this.rateLimiter = sigeCheckRateLimiter;
        this.clock = clock;
        this.maxAge = maxAge;
        this.retryBackoff = IntervalFunction.ofExponentialRandomBackoff(retryInitial, 2.0, 0.5, retryMax);
    }

    /** The queue is wired afterwards because the queue runs this class's job. */
    void useQueue(JobQueue queue) {
        this.queue = queue;
    }

    public enum CheckState {
        RUNNING,
        DONE,
        INCOMPLETE
    }

    public record Check(
            long id,
            long schoolId,
            CheckState state,
            Instant startedAt,
            Instant finishedAt,
            int checked,
            int total,
            Instant nextRetryAt,
            String problem,
            boolean refresh) {}

    /** Starts a check, or answers the one already running for the school. */
    @Transactional
    public long start(School school, String by, boolean refresh) {
        Optional<Check> running = running(school.id());
        if (running.isPresent()) {
            return running.get().id();
        }
        int total = studentsToCheck(school).size();
        Optional<Long> id = jdbc.sql("""
                        insert into sige_check (school_id, state, started_by, started_at, total, refresh)
                        values (?, 'RUNNING', ?, ?, ?, ?)
                        on conflict (school_id) where state in ('RUNNING', 'INCOMPLETE') do nothing
                        returning id""")
                .params(school.id(), by, OffsetDateTime.now(clock), total, refresh)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return running(school.id()).orElseThrow().id();
        }
        queue.scheduleCheck(id.get(), clock.instant());
        log.info("Identifier check {} of school {} started for {} students", id.get(), school.id(), total);
        return id.get();
    }

    /** Before a sync: starts a check when the last one is older than the configured age. */
    public void startIfStale(School school, String by) {
        Optional<Check> latest = latest(school.id());
        boolean stale = latest.isEmpty()
                || (latest.get().state() == CheckState.DONE
                        && latest.get().finishedAt().isBefore(clock.instant().minus(maxAge)));
        if (stale) {
            start(school, by, false);
        }
    }

    public Optional<Check> latest(long schoolId) {
        return jdbc.sql("select * from sige_check where school_id = ? order by id desc limit 1")
                .param(schoolId)
                .query(IdentifierChecks::check)
                .optional();
    }

    private Optional<Check> running(long schoolId) {
        return jdbc.sql("select * from sige_check where school_id = ? and state in ('RUNNING', 'INCOMPLETE')")
                .param(schoolId)
                .query(IdentifierChecks::check)
                .optional();
    }

    /** SIGE's latest answer for each student's current identifier, by student id. */
    Map<Long, Integer> answers(long schoolId) {
        return jdbc.sql("""
                        select a.student_id, a.code from sige_identifier_answer a
                        join student_identifier i on i.student_id = a.student_id and i.type = a.type
                            and i.number = a.number and i.valid_until is null and not i.superseded
                        join student s on s.id = a.student_id
                        where s.school_id = ?""").param(schoolId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The students enrolled today with the identifier they have today, once each. */
    List<CheckedStudent> studentsToCheck(School school) {
        LocalDate today = LocalDate.now(clock);
        Optional<SchoolYear> year = directory.schoolYearOn(school.id(), today);
        if (year.isEmpty()) {
            return List.of();
        }
        List<CheckedStudent> students = new ArrayList<>();
        for (Course course : directory.courses(school.id())) {
            if (course.schoolYearId() != year.get().id()) {
                continue;
            }
            for (EnrolledStudent student : directory.studentsEnrolled(course.id(), today)) {
                students.add(new CheckedStudent(course, student));
            }
        }
        return students;
    }

    record CheckedStudent(Course course, EnrolledStudent student) {}

    /** One run of the check's job: answers when to run again (SIGE away), or empty when finished. */
    Optional<Instant> run(long checkId) {
        Check check = jdbc.sql("select * from sige_check where id = ?")
                .param(checkId)
                .query(IdentifierChecks::check)
                .optional()
                .orElse(null);
        if (check == null || check.state() == CheckState.DONE) {
            return Optional.empty();
        }
        School school = directory.school(check.schoolId()).orElseThrow();
        Optional<Agreements.Credentials> credentials =
                agreements.isActive(school.id()) ? agreements.credentials(school.id()) : Optional.empty();
        if (credentials.isEmpty()) {
            finish(checkId, CheckState.DONE, "La interoperabilidad no está activa: no se pudo consultar a SIGE.");
            return Optional.empty();
        }
        jdbc.sql("update sige_check set state = 'RUNNING', next_retry_at = null, problem = null where id = ?")
                .param(checkId)
                .update();

        List<CheckedStudent> students = studentsToCheck(school);
        Map<String, Instant> answered = answeredAt(school.id());
        int checked = 0;
        for (CheckedStudent entry : students) {
            EnrolledStudent student = entry.student();
            checked++;
            if (student.identifier() == null) {
                continue;
            }
            Instant at = answered.get(key(student));
            boolean fresh = at != null && (!check.refresh() || !at.isBefore(check.startedAt()));
            if (fresh) {
                continue;
            }
            rateLimiter.acquirePermission();
            SigeAnswer answer = client.validate(credentials.get(), request(student));
            if (answer.result() != SigeAnswer.Result.OK) {
                Instant next = clock.instant().plusMillis(retryBackoff.apply(2));
                jdbc.sql("""
                                update sige_check set state = 'INCOMPLETE', checked = ?, next_retry_at = ?, problem = ?
                                where id = ?""")
                        .params(checked - 1, Submissions.at(next), answer.detail(), checkId)
                        .update();
                log.warn("Identifier check {} paused: SIGE did not answer; it resumes at {}", checkId, next);
                return Optional.of(next);
            }
            store(student, answer.code());
            if (checked % 25 == 0) {
                jdbc.sql("update sige_check set checked = ? where id = ?")
                        .params(checked, checkId)
                        .update();
            }
        }
        jdbc.sql("update sige_check set checked = ?, total = ? where id = ?")
                .params(checked, students.size(), checkId)
                .update();
        finish(checkId, CheckState.DONE, null);
        log.info("Identifier check {} of school {} finished: {} students", checkId, school.id(), checked);
        return Optional.empty();
    }

    private void finish(long checkId, CheckState state, String problem) {
        jdbc.sql("update sige_check set state = ?, finished_at = ?, problem = ?, next_retry_at = null where id = ?")
                .params(state.name(), OffsetDateTime.now(clock), problem, checkId)
                .update();
    }

    private Map<String, Instant> answeredAt(long schoolId) {
        return jdbc
                .sql("""
                        select a.student_id, a.type, a.number, a.checked_at from sige_identifier_answer a
                        join student s on s.id = a.student_id where s.school_id = ?""")
                .param(schoolId)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String key(EnrolledStudent student) {
        return student.studentId() + ":" + student.identifier().type() + ":"
                + student.identifier().run().number();
    }

    private void store(EnrolledStudent student, int code) {
        jdbc.sql("""
                        insert into sige_identifier_answer (student_id, type, number, dv, code, checked_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (student_id, type, number) do update set code = excluded.code,
                            dv = excluded.dv, checked_at = excluded.checked_at""")
                .params(
                        student.studentId(),
                        student.identifier().type().name(),
                        student.identifier().run().number(),
                        String.valueOf(student.identifier().run().dv()),
                        code,
                        OffsetDateTime.now(clock))
                .update();
    }

    private static EntradaValidaAlumnoSige request(EnrolledStudent student) {
        EntradaValidaAlumnoSige request = new EntradaValidaAlumnoSige();
        Run run = new Run();
        run.setNumero(student.identifier().run().number());
        run.setDv(String.valueOf(student.identifier().run().dv()));
        request.setRun(run);
        // "Apellidos, Nombres" as the directory writes full names.
        String[] parts = student.fullName().split(", ", 2);
        String[] surnames = parts[0].split(" ", 2);
        request.setNombres(parts.length > 1 ? parts[1] : "");
        request.setApellidoPaterno(surnames[0]);
        request.setApellidoMaterno(surnames.length > 1 ? surnames[1] : "");
        return request;
    }

    static boolean provisional(EnrolledStudent student) {
        return student.identifier() != null && student.identifier().type() == IdentifierType.IPE;
    }

    private static Check check(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Check(
                rs.getLong("id"),
                rs.getLong("school_id"),
                CheckState.valueOf(rs.getString("state")),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant(),
                rs.getInt("checked"),
                rs.getInt("total"),
                rs.getTimestamp("next_retry_at") == null
                        ? null
                        : rs.getTimestamp("next_retry_at").toInstant(),
                rs.getString("problem"),
                rs.getBoolean("refresh"));
    }
}
