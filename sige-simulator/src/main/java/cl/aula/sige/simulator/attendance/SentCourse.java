package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.enrollment.Run;
import java.util.List;

/** One Curso of an addAsistencia request: the letter as sent, and the RUNs as sent. */
public record SentCourse(String letter, List<Run> present, List<Run> absent) {

    public SentCourse {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }
}
