package cl.aula.subsidy;

import cl.aula.directory.Course;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A course's Control de Subvenciones for a month: students by school days, P or A at the subsidy hour,
 * daily totals and the month's summary. Computed from the registers each time, never stored.
 *
 * @param days the school days of the month within the school year, future ones included
 * @param enrolledAtStart students enrolled on the month's first day of the school year
 * @param attendanceRate the course's present marks over all marks, as a percentage with one decimal
 */
public record MonthlyControl(
        Course course,
        YearMonth month,
        int subsidyHour,
        List<Day> days,
        List<StudentRow> students,
        int daysTaught,
        int enrolledAtStart,
        int enrollmentsDuring,
        int withdrawalsDuring,
        int enrolledAtEnd,
        Double attendanceRate) {

    /**
     * One school day: whether the subsidy-hour register exists, and if not, whether it is overdue
     * ({@code missing}: the day has passed or is today) or simply not yet due ({@code future}).
     */
    public record Day(LocalDate date, boolean registered, boolean missing, boolean future, Totals totals) {}

    public record Totals(int present, int absent, int enrolled) {}

    /**
     * A student enrolled at some time in the month. {@code marks} has a key for each day the student was
     * enrolled; its value is null when there is no mark (no register yet).
     */
    public record StudentRow(
            long studentId,
            int listNumber,
            String fullName,
            LocalDate enrolledOn,
            LocalDate withdrawnOn,
            Map<LocalDate, SubsidyMark> marks,
            int presentDays,
            int absentDays,
            Double attendanceRate) {

        public boolean enrolledOn(LocalDate date) {
            return marks.containsKey(date);
        }
    }

    public List<LocalDate> missingDays() {
        return days.stream().filter(Day::missing).map(Day::date).toList();
    }
}
