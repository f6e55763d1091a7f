package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.Resettable;
import cl.aula.sige.simulator.agreement.AgreementRegistry;
import cl.aula.sige.simulator.calendar.DeclarationCalendar;
import cl.aula.sige.simulator.enrollment.EnrollmentRegistry;
import cl.aula.sige.simulator.enrollment.SchoolEnrollment;
import cl.aula.sige.simulator.fault.FaultInjector;
import cl.aula.sige.simulator.fault.FaultSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * SIGE's attendance service: accepts submissions (addAsistencia), processes them later on one
 * worker, in order, and reports on them (getReporteEnvioAsistencia). Everything is in memory.
 */
@Service
public class AttendanceService implements Resettable {

    private static final Logger log = LoggerFactory.getLogger(AttendanceService.class);

    /** Submission codes are never reused while the simulator runs, not even after a reset. */
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);

    private final EnrollmentRegistry enrollments;
    private final AgreementRegistry agreements;
    private final FaultInjector faults;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final DocumentValidation validation;
    private final AttendanceStore store = new AttendanceStore();
    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Submission> queued = new ConcurrentSkipListMap<>();

    public AttendanceService(
            EnrollmentRegistry enrollments,
            AgreementRegistry agreements,
            DeclarationCalendar calendar,
            FaultInjector faults,
            Clock clock,
            @Qualifier("sigeProcessingWorker") ScheduledExecutorService worker) {
        this.enrollments = enrollments;
        this.agreements = agreements;
        this.faults = faults;
        this.clock = clock;
        this.worker = worker;
        this.validation = new DocumentValidation(calendar);
    }

    /**
     * addAsistencia for agreement {@code agreementId}: code 3 when SIGE does not know the school, 4
     * when the agreement is not linked to it, 2 with every problem of the document, otherwise 1 with
     * a fresh submission code, and processing is scheduled.
     */
    public SigeAnswer addAttendance(int agreementId, AttendanceDocument document) {
        Optional<SchoolEnrollment> school = enrollments.school(document.rbd());
        if (school.isEmpty()) {
            return SigeAnswer.withMessage(SigeMessages.NO_SERVICE, SigeMessages.NO_SERVICE_MESSAGE);
        }
        if (!agreements.links(agreementId, document.rbd())) {
            return SigeAnswer.withMessage(SigeMessages.NOT_LINKED, SigeMessages.NOT_LINKED_MESSAGE);
        }
        Instant now = clock.instant();
        List<String> problems = validation.problemsOf(document, school.get(), now);
        if (!problems.isEmpty()) {
            return SigeAnswer.withMessages(SigeMessages.VALIDATION_ERRORS, SigeMessages.TITLE_ERRORS, problems);
        }

        long sequence = SEQUENCE.incrementAndGet();
        Submission submission = new Submission(sequence, Long.toString(sequence), document, now);
        submissions.put(submission.code(), submission);
        long delay = schedule(submission);
        log.info(
                "Submission {} accepted for school {} ({} courses of teaching type {} grade {} on {}); "
                        + "processing in {} ms",
                submission.code(),
                document.rbd(),
                document.courses().size(),
                document.teachingTypeCode(),
                document.gradeCode(),
                document.date(),
                delay);
        return SigeAnswer.accepted(submission.code());
    }

    /**
     * The processing delay grows with the queue, as SIGE's does near the end of a month when every
     * school sends at once.
     */
    private long schedule(Submission submission) {
        FaultSettings settings = faults.settings();
        long waiting = queued.size();
        queued.put(submission.sequence(), submission);
        long delay = settings.processingDelayMs() + waiting * settings.processingDelayPerQueuedMs();
        worker.schedule(() -> processIfQueued(submission.sequence()), delay, TimeUnit.MILLISECONDS);
        return delay;
    }

    /**
     * getReporteEnvioAsistencia: code 4 when the agreement is not linked to the school, 3 with
     * "CODIGO DE ENVIO NO EXISTE." (ours) when the school has no such submission, 0 while it is
     * queued, then its report.
     */
    public SigeAnswer report(int agreementId, int rbd, String submissionCode) {
        if (!agreements.links(agreementId, rbd)) {
            return SigeAnswer.withMessage(SigeMessages.NOT_LINKED, SigeMessages.NOT_LINKED_MESSAGE);
        }
        Submission submission = submissionCode == null ? null : submissions.get(submissionCode.trim());
        if (submission == null || submission.key().rbd() != rbd) {
            return SigeAnswer.withMessage(SigeMessages.REJECTED, SigeMessages.UNKNOWN_SUBMISSION);
        }
        SigeAnswer report = submission.report();
        if (report == null) {
            return SigeAnswer.withMessages(
                    SigeMessages.IN_PROCESS, SigeMessages.TITLE_STATE, List.of(SigeMessages.IN_PROCESS_MESSAGE));
        }
        return report;
    }

    /** Processes every queued submission now, in order, and answers how many there were. */
    public int processQueued() {
        return onWorker(() -> {
            int processed = 0;
            for (var entry = queued.pollFirstEntry(); entry != null; entry = queued.pollFirstEntry()) {
                process(entry.getValue());
                processed++;
            }
            return processed;
        });
    }

    private void processIfQueued(long sequence) {
        Submission submission = queued.remove(sequence);
        if (submission != null) {
            process(submission);
        }
    }

    private void process(Submission submission) {
        Instant now = clock.instant();
        SigeAnswer report;
        try {
            AttendanceDocument document = submission.document();
            SubmissionProcessing.Outcome outcome =
                    SubmissionProcessing.process(submission.code(), document, enrollments.school(document.rbd()), now);
            if (outcome.storesAttendance()) {
                store.replace(submission.key(), outcome.stored());
            }
            report = outcome.report();
        } catch (RuntimeException e) {
            log.error(
                    "Submission {} could not be processed; its report answers code {}",
                    submission.code(),
                    SigeMessages.INTERNAL_ERROR,
                    e);
            report = SigeAnswer.withMessage(SigeMessages.INTERNAL_ERROR, SigeMessages.PROCESSING_FAILED);
        }
        submission.markProcessed(report, now);
        log.info(
                "Submission {} processed with report code {} ({} messages)",
                submission.code(),
                report.code(),
                report.messages().size());
    }

    /** The submissions of school {@code rbd}, or of every school when null, in the order accepted. */
    public List<SubmissionView> submissions(Integer rbd) {
        return submissions.values().stream()
                .filter(s -> rbd == null || s.key().rbd() == rbd)
                .sorted(Comparator.comparingLong(Submission::sequence))
                .map(SubmissionView::of)
                .toList();
    }

    /** What SIGE holds for school {@code rbd} on {@code date}, per course. */
    public List<StoredCourse> attendance(int rbd, LocalDate date) {
        return store.courses(rbd, date);
    }

    /** How many student-days SIGE holds, over every school and date. */
    public long storedStudentDays() {
        return store.studentDays();
    }

    /** How many accepted submissions wait to be processed. */
    public int queuedSubmissions() {
        return queued.size();
    }

    /** Forgets every submission and all attendance; done on the worker so no processing overlaps. */
    @Override
    public void reset() {
        onWorker(() -> {
            queued.clear();
            submissions.clear();
            store.clear();
            return 0;
        });
    }

    private <T> T onWorker(Callable<T> task) {
        try {
            return worker.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the processing worker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The processing worker failed", e.getCause());
        }
    }
}
