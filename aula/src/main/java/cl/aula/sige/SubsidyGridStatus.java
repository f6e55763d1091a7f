package cl.aula.sige;

import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import cl.aula.subsidy.DayStatusSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shows each day's SIGE status in the Control de Subvenciones grid. */
@Component
class SubsidyGridStatus implements DayStatusSource {

    private final Directory directory;
    private final SigeStatus status;

    SubsidyGridStatus(Directory directory, SigeStatus status) {
        this.directory = directory;
        this.status = status;
    }

    @Override
    public Map<LocalDate, DayStatus> statusOf(long courseId, YearMonth month) {
        Map<LocalDate, DayStatus> days = new LinkedHashMap<>();
        Course course = directory.course(courseId).orElseThrow();
        School school = directory.school(course.schoolId()).orElseThrow();
        status.daysOfCourse(school, courseId, month)
                .forEach((date, day) -> days.put(date, new DayStatus(day.name(), StatusLabels.LABELS.get(day.name()))));
        return days;
    }
}
