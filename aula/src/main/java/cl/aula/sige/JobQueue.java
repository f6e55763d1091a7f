package cl.aula.sige;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The database-backed job queue (db-scheduler on PostgreSQL) that runs every submission. A task is
 * scheduled in the transaction that creates its submission; each instance is picked by one Aula
 * instance at a time ({@code select ... for update skip locked}); a task whose instance died is
 * revived by the others once its heartbeats stop.
 */
@Component
class JobQueue implements SmartLifecycle {

    static final TaskDescriptor<Void> SUBMISSION = TaskDescriptor.of("sige-submission");
    static final TaskDescriptor<Void> IDENTIFIER_CHECK = TaskDescriptor.of("sige-identifier-check");

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private static final Duration CHECK_TURN = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final Semaphore checkSlot = new Semaphore(1);
    private volatile boolean running;

    JobQueue(
            DataSource dataSource,
            SubmissionWork work,
            IdentifierChecks checks,
            @Value("${aula.jobs.threads:16}") int threads,
            @Value("${aula.jobs.polling-interval:2s}") Duration pollingInterval,
            @Value("${aula.jobs.heartbeat-interval:10s}") Duration heartbeat,
            @Value("${aula.jobs.instance-name:}") String instanceName) {
        CustomTask<Void> submission = Tasks.custom(SUBMISSION)
                // An unexpected error (the database away, a bug) is retried; the submission's own
                // state says what was already done, so a retry never repeats a finished step.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> {
                    long id = Long.parseLong(instance.getId());
                    return completion(work.step(id));
                });
        CustomTask<Void> check = Tasks.custom(IDENTIFIER_CHECK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> {
                    // Checks share one rate limit, so one at a time uses all of it; more would only sit on
                    // job threads waiting for permits, and a queue whose threads are mostly busy is refilled
                    // only once per polling interval (month-end benchmark: ten checks running at once held
                    // submissions to 3 per second). A check that finds the slot taken waits its turn.
                    if (!checkSlot.tryAcquire()) {
                        return completion(Optional.of(Instant.now()
                                .plus(CHECK_TURN)
                                .plusMillis(ThreadLocalRandom.current().nextLong(CHECK_TURN.toMillis()))));
                    }
                    try {
                        return completion(checks.run(Long.parseLong(instance.getId())));
                    } finally {
                        checkSlot.release();
                    }
                });
        List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks = List.of(submission, check);
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .commitWhenAutocommitDisabled(false)
                .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, true);
        if (!instanceName.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(instanceName));
        }
        this.scheduler = builder.build();
        checks.useQueue(this);
    }

    /** Runs again at the instant given, or is done. */
    private static CompletionHandler<Void> completion(Optional<Instant> next) {
        return next.<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                .orElse((complete, operations) -> operations.remove());
    }

    void scheduleCheck(long checkId, Instant at) {
        scheduler.schedule(IDENTIFIER_CHECK.instance(String.valueOf(checkId)).scheduledTo(at));
    }

    /** Schedules a submission; joins the caller's transaction, so it exists only if the submission does. */
    void schedule(long submissionId, Instant at) {
        scheduler.schedule(SUBMISSION.instance(String.valueOf(submissionId)).scheduledTo(at));
    }

    /** Brings a submission's next step forward, e.g. when a person asks to retry now. */
    boolean reschedule(long submissionId, Instant at) {
        return scheduler.reschedule(SUBMISSION.instanceId(String.valueOf(submissionId)), at);
    }

    com.github.kagkarlsson.scheduler.SchedulerClient client() {
        return scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
        log.info("Job queue started; submissions left by a stopped instance resume from their last recorded state");
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
