package cl.aula.sige;

import cl.aula.directory.Directory;
import cl.aula.directory.School;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One step of a submission's life, run by the job queue: send it, or ask for its report, then say
 * when the next step is due (or that there is none). Each state change is committed before the next
 * call to SIGE, so a crash at any moment leaves the submission in a state this class resumes from.
 */
@Component
class SubmissionWork {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWork.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(DeclarationCalendar.SANTIAGO);

    private final Submissions submissions;
    private final Directory directory;
    private final Agreements agreements;
    private final DeclarationCalendar calendar;
    private final PayloadBuilder payloads;
    private final SigeClient client;
    private final Clock clock;
    private final IntervalFunction retryBackoff;
    private final IntervalFunction pollBackoff;
    private final Duration retryInitial;

    SubmissionWork(
            Submissions submissions,
            Directory directory,
            Agreements agreements,
            DeclarationCalendar calendar,
            PayloadBuilder payloads,
            SigeClient client,
            Clock clock,
            @Value("${aula.sige.retry.initial:10s}") Duration retryInitial,
            @Value("${aula.sige.retry.max:15m}") Duration retryMax,
            @Value("${aula.sige.poll.initial:30s}") Duration pollInitial,
            @Value("${aula.sige.poll.max:20m}") Duration pollMax) {
        this.submissions = submissions;
        this.directory = directory;
        this.agreements = agreements;
        this.calendar = calendar;
        this.payloads = payloads;
        this.client = client;
        this.clock = clock;
        this.retryInitial = retryInitial;
        // Exponential with jitter, so that after an outage schools do not all come back at once.
        this.retryBackoff = IntervalFunction.ofExponentialRandomBackoff(retryInitial, 2.0, 0.5, retryMax);
        // SIGE may take hours: ask often at first, then less and less.
        this.pollBackoff = IntervalFunction.ofExponentialBackoff(pollInitial, 1.5, pollMax);
    }

    /** Runs the next step of the submission; answers when the following one is due, empty when done. */
    Optional<Instant> step(long submissionId) {
        Optional<Submission> found = submissions.find(submissionId);
        if (found.isEmpty() || found.get().state().isFinal()) {
            return Optional.empty();
        }
        Submission submission = found.get();
        Instant now = clock.instant();
        School school = directory.school(submission.schoolId()).orElseThrow();

        if (submission.state() == SubmissionState.SENT) {
            if (now.isAfter(submission.deadlineAt())) {
                return fail(
                        submission,
                        "SIGE no entregó el resultado del procesamiento antes del plazo. "
                                + "Revise en SIGE si el día quedó cargado o vuelva a enviarlo.");
            }
        } else if (!calendar.openMonthAt(now).contains(submission.key().date())) {
            return fail(
                    submission,
                    "El mes del " + submission.key().date().format(PayloadBuilder.DAY)
                            + " ya no está vigente en SIGE y no se alcanzó a enviar."
                            + " Contacte a MINEDUC para regularizarlo.");
        }
        // While the breaker is open nothing would reach SIGE. Trying anyway cost a payload rebuild and
        // an attempt, and the growing backoff kept submissions away long after SIGE was back
        // (resilience finding: a flaky SIGE took minutes per month of three schools).
        Optional<Instant> paused = client.pausedUntil();
        if (paused.isPresent()) {
            return waitForSige(submission, paused.get(), SigeClient.PAUSED);
        }
        return submission.state() == SubmissionState.SENT
                ? askForReport(school, submission, now)
                : send(school, submission, now);
    }

    /**
     * Comes back just after the breaker lets calls out again, spread over the initial retry interval so
     * that the waiting submissions do not all meet its few probe calls at once. Not an attempt.
     */
    private Optional<Instant> waitForSige(Submission submission, Instant pausedUntil, String why) {
        Instant next = backAfter(pausedUntil);
        submissions.markRetry(
                submission.id(), submission.state(), submission.state(), next, waiting(next, why), clock.instant());
        return Optional.of(next);
    }

    /** Just after SIGE can be called again, spread over the first retry interval. */
    private Instant backAfter(Instant pausedUntil) {
        return pausedUntil.plusMillis(ThreadLocalRandom.current().nextLong(1 + retryInitial.toMillis()));
    }

    private static String waiting(Instant next, String why) {
        return Guidance.unavailable(TIME.format(next)) + " (" + why + ")";
    }

    private Optional<Instant> send(School school, Submission submission, Instant now) {
        Optional<Agreements.Credentials> credentials =
                agreements.isActive(school.id()) ? agreements.credentials(school.id()) : Optional.empty();
        if (credentials.isEmpty()) {
            return fail(
                    submission,
                    "La interoperabilidad de este establecimiento no está activa: "
                            + "pida a soporte que active el convenio y vuelva a enviar.");
        }
        List<String> problems = new ArrayList<>();
        Optional<Payload> payload = payloads.payload(school, submission.key(), problems);
        if (payload.isEmpty()) {
            problems.add(0, "El libro de clases cambió y este día ya no se puede enviar así:");
            return fail(submission, String.join(" ", problems));
        }
        if (!submissions.markSending(submission.id(), submission.state(), payload.get(), now)) {
            return Optional.empty();
        }

        SigeAnswer answer =
                client.addAsistencia(credentials.get(), payload.get().toRecord());
        Instant after = clock.instant();
        if (answer.result() == SigeAnswer.Result.PAUSED) {
            // The breaker opened (or half-opened with its probes taken) since the check above, or the pace
            // gave no turn: SIGE got nothing, so this was no attempt.
            Instant next = backAfter(client.pausedUntil().orElse(after));
            submissions.markNotSent(submission.id(), next, waiting(next, answer.detail()), after);
            return Optional.of(next);
        }
        submissions.recordAttempt(
                submission.id(), "addAsistencia", answer.code(), answer.result().name(), answer.detail(), after);
        switch (answer.result()) {
            case OK -> {
                Instant firstReport = after.plusMillis(pollBackoff.apply(1));
                submissions.markSent(submission.id(), answer.submissionCode(), firstReport, after);
                log.info(
                        "Submission {} accepted by SIGE; its report is asked for from {}",
                        submission.id(),
                        firstReport);
                return Optional.of(firstReport);
            }
            case UNAVAILABLE -> {
                Instant next = after.plusMillis(retryBackoff.apply(submission.attempts() + 1));
                submissions.markRetry(
                        submission.id(),
                        SubmissionState.SENDING,
                        SubmissionState.QUEUED,
                        next,
                        Guidance.unavailable(TIME.format(next)) + " (" + answer.detail() + ")",
                        after);
                log.warn(
                        "SIGE did not take submission {} ({}); it will be retried at {}",
                        submission.id(),
                        answer.detail(),
                        next);
                return Optional.of(next);
            }
            default -> {
                List<Guidance.Message> messages =
                        answer.messages().stream().map(Guidance::read).toList();
                submissions.recordMessages(submission.id(), messages);
                String problem = answer.result() == SigeAnswer.Result.CREDENTIALS_REFUSED
                        ? answer.detail()
                        : answer.detail() + " " + refusalGuidance(answer.code());
                submissions.markFinal(
                        submission.id(),
                        SubmissionState.SENDING,
                        SubmissionState.FAILED,
                        answer.code(),
                        problem,
                        after);
                log.warn(
                        "SIGE refused submission {} with code {}; it waits for a person",
                        submission.id(),
                        answer.code());
                return Optional.empty();
            }
        }
    }

    private Optional<Instant> askForReport(School school, Submission submission, Instant now) {
        Optional<Agreements.Credentials> credentials = agreements.credentials(school.id());
        if (credentials.isEmpty()) {
            return fail(
                    submission, "El convenio de interoperabilidad ya no existe: no se puede consultar el resultado.");
        }
        SigeAnswer answer = client.report(credentials.get(), school.rbd(), submission.submissionCode());
        Instant after = clock.instant();
        if (answer.result() == SigeAnswer.Result.PAUSED) {
            return waitForSige(submission, client.pausedUntil().orElse(after), answer.detail());
        }
        submissions.recordAttempt(
                submission.id(),
                "getReporteEnvioAsistencia",
                answer.code(),
                answer.result().name(),
                answer.detail(),
                after);
        if (answer.result() == SigeAnswer.Result.UNAVAILABLE) {
            Instant next = after.plusMillis(retryBackoff.apply(2));
            submissions.markRetry(
                    submission.id(),
                    SubmissionState.SENT,
                    SubmissionState.SENT,
                    next,
                    Guidance.unavailable(TIME.format(next)) + " (" + answer.detail() + ")",
                    after);
            return Optional.of(next);
        }
        if (answer.result() != SigeAnswer.Result.OK) {
            return fail(submission, answer.detail());
        }
        if (answer.code() == 0) {
            int polls = (int) submissions.attempts(submission.id()).stream()
                    .filter(a -> a.operation().equals("getReporteEnvioAsistencia"))
                    .count();
            Instant next = after.plusMillis(pollBackoff.apply(Math.max(1, polls)));
            submissions.markRetry(submission.id(), SubmissionState.SENT, SubmissionState.SENT, next, null, after);
            return Optional.of(next);
        }
        List<Guidance.Message> messages =
                answer.messages().stream().map(Guidance::read).toList();
        submissions.recordMessages(submission.id(), messages);
        SubmissionState outcome = switch (answer.code()) {
            case 1 -> SubmissionState.SYNCED;
            case 2 -> SubmissionState.SYNCED_WITH_OBSERVATIONS;
            default -> SubmissionState.REJECTED;
        };
        submissions.markFinal(submission.id(), SubmissionState.SENT, outcome, answer.code(), null, after);
        log.info("Submission {} processed by SIGE: {}", submission.id(), outcome);
        return Optional.empty();
    }

    private Optional<Instant> fail(Submission submission, String problem) {
        Instant now = clock.instant();
        submissions.recordAttempt(submission.id(), "aula", null, "FAILED", problem, now);
        submissions.markFinal(submission.id(), submission.state(), SubmissionState.FAILED, null, problem, now);
        log.warn("Submission {} needs a person: it cannot be completed automatically", submission.id());
        return Optional.empty();
    }

    private static String refusalGuidance(Integer code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case 2 -> "Revise los mensajes de SIGE, corrija en Aula y vuelva a enviar.";
            case 3 ->
                "El establecimiento no tiene el servicio habilitado en SIGE: "
                        + "el sostenedor debe gestionarlo con MINEDUC.";
            case 4 ->
                "El convenio no está asociado a este RBD: el sostenedor debe pedir a MINEDUC que lo asocie, "
                        + "nombrando a Aula como proveedor.";
            default -> "Contacte a soporte de Aula.";
        };
    }
}
