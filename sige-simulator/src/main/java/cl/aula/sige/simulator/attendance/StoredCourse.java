package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.enrollment.Run;
import java.time.Instant;
import java.util.List;

/** The attendance SIGE holds for one course on one date, and the submission that brought it. */
public record StoredCourse(
        int teachingTypeCode,
        int gradeCode,
        String letter,
        List<Run> present,
        List<Run> absent,
        String submissionCode,
        Instant storedAt) {

    public StoredCourse {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    int studentDays() {
        return present.size() + absent.size();
    }
}
