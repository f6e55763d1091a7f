package cl.aula.sige;

import java.time.Instant;
import java.util.Map;

/** One addAsistencia to deliver and follow: a date of one grade of a school. */
record Submission(
        long id,
        long syncId,
        long schoolId,
        GradeDay key,
        SubmissionState state,
        String fingerprint,
        Map<Long, String> courseFingerprints,
        String submissionCode,
        int attempts,
        Instant nextAttemptAt,
        Instant deadlineAt,
        String lastProblem,
        Integer reportCode,
        Instant createdAt,
        Instant updatedAt,
        Instant finalAt) {}
