package cl.aula.sige.simulator.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A submission as the control API shows it.
 *
 * @param state {@code QUEUED} until processed, then {@code PROCESSED}
 * @param reportCode what getReporteEnvioAsistencia answers now: 0 while queued
 */
public record SubmissionView(
        String submissionCode,
        int rbd,
        LocalDate date,
        int teachingTypeCode,
        int gradeCode,
        String state,
        int reportCode,
        List<String> messages,
        Instant acceptedAt,
        Instant processedAt) {

    static SubmissionView of(Submission submission) {
        SigeAnswer report = submission.report();
        AttendanceKey key = submission.key();
        return new SubmissionView(
                submission.code(),
                key.rbd(),
                key.date(),
                key.teachingTypeCode(),
                key.gradeCode(),
                report == null ? "QUEUED" : "PROCESSED",
                report == null ? SigeMessages.IN_PROCESS : report.code(),
                report == null ? List.of() : report.messages(),
                submission.acceptedAt(),
                submission.processedAt());
    }
}
