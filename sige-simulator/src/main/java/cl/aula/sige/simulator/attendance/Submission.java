package cl.aula.sige.simulator.attendance;

import java.time.Instant;

/** A submission accepted by addAsistencia: waiting to be processed, then processed with a report. */
final class Submission {

    private final long sequence;
    private final String code;
    private final AttendanceKey key;
    private final Instant acceptedAt;
    private volatile AttendanceDocument document;
    private volatile SigeAnswer report;
    private volatile Instant processedAt;

    Submission(long sequence, String code, AttendanceDocument document, Instant acceptedAt) {
        this.sequence = sequence;
        this.code = code;
        this.key = document.key();
        this.document = document;
        this.acceptedAt = acceptedAt;
    }

    /** Records the report; the document is no longer needed and is let go. */
    void markProcessed(SigeAnswer processedReport, Instant at) {
        report = processedReport;
        processedAt = at;
        document = null;
    }

    boolean isProcessed() {
        return report != null;
    }

    long sequence() {
        return sequence;
    }

    String code() {
        return code;
    }

    AttendanceKey key() {
        return key;
    }

    AttendanceDocument document() {
        return document;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    SigeAnswer report() {
        return report;
    }

    Instant processedAt() {
        return processedAt;
    }
}
