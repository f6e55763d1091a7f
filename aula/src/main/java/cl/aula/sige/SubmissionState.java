package cl.aula.sige;

/**
 * Where a submission stands. QUEUED waits for (another) attempt to send; SENDING was about to call
 * addAsistencia, so after a crash it is sent again, which is safe because SIGE replaces by key; SENT
 * has SIGE's submission code and waits for its report. The last four are final.
 */
public enum SubmissionState {
    QUEUED,
    SENDING,
    SENT,
    SYNCED,
    SYNCED_WITH_OBSERVATIONS,
    REJECTED,
    FAILED;

    public boolean isFinal() {
        return this == SYNCED || this == SYNCED_WITH_OBSERVATIONS || this == REJECTED || this == FAILED;
    }

    public boolean inFlight() {
        return !isFinal();
    }
}
