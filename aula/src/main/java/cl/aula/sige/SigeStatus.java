package cl.aula.sige;

import cl.aula.attendance.AttendanceRegisters;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Where each day and course stands with SIGE, derived from the class book and the submissions rather
 * than stored: the newest submission of the course's grade-day, and whether what it carried is still
 * what the book says (its fingerprint).
 */
@Service
public class SigeStatus {

    /** API.md's status values, from the least to the most advanced. */
    public enum Status {
        NO_RECORD,
        NOT_SENT,
        MODIFIED_AFTER_SYNC,
        FAILED,
        REJECTED,
        QUEUED,
        SENT,
        SYNCED_WITH_OBSERVATIONS,
        SYNCED
    }

    public record CourseStatus(long courseId, String courseName, Status status, Long submissionId, String problem) {}

    public record DayStatus(LocalDate date, Status status, List<CourseStatus> courses) {}

    private final Directory directory;
    private final AttendanceRegisters registers;
    private final PayloadBuilder payloads;
    private final Submissions submissions;
    private final Clock clock;

    SigeStatus(
            Directory directory,
            AttendanceRegisters registers,
            PayloadBuilder payloads,
            Submissions submissions,
            Clock clock) {
        this.directory = directory;
        this.registers = registers;
        this.payloads = payloads;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** Every school day of the month up to today, with the status of each course. */
    public List<DayStatus> month(School school, YearMonth month) {
        return month(school, month, course -> true);
    }

    private List<DayStatus> month(School school, YearMonth month, java.util.function.Predicate<Course> only) {
        LocalDate from = month.atDay(1);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        if (to.isBefore(from)) {
            return List.of();
        }
        PayloadBuilder.Reading reading = payloads.read(school, from, to, only);
        Map<GradeDay, Submission> latest = submissions.latest(school.id(), from, to);
        Map<Long, Set<LocalDate>> registered = new LinkedHashMap<>();
        Set<Long> years = directory.schoolYears(school.id()).stream()
                .filter(year ->
                        !year.endsOn().isBefore(from) && !year.startsOn().isAfter(to))
                .map(cl.aula.directory.SchoolYear::id)
                .collect(java.util.stream.Collectors.toSet());
        List<Course> courses = directory.courses(school.id()).stream()
                .filter(course -> years.contains(course.schoolYearId()))
                .filter(only)
                .sorted(Comparator.comparing(Course::teachingTypeCode)
                        .thenComparing(Course::gradeCode)
                        .thenComparing(Course::letter))
                .toList();
        for (Course course : courses) {
            registered.put(
                    course.id(),
                    new HashSet<>(registers
                            .marksAt(course.id(), school.subsidyHour(), from, to)
                            .keySet()));
        }

        List<DayStatus> days = new ArrayList<>();
        for (LocalDate date : reading.schoolDays()) {
            List<CourseStatus> statuses = new ArrayList<>();
            for (Course course : courses) {
                if (directory.studentsEnrolled(course.id(), date).isEmpty()) {
                    continue;
                }
                GradeDay key = new GradeDay(date, course.teachingTypeCode(), course.gradeCode());
                statuses.add(courseStatus(
                        course,
                        key,
                        registered.get(course.id()).contains(date),
                        latest.get(key),
                        reading.payloads().get(key)));
            }
            Status day = statuses.stream()
                    .map(CourseStatus::status)
                    .min(Comparator.naturalOrder())
                    .orElse(Status.NO_RECORD);
            days.add(new DayStatus(date, day, statuses));
        }
        return days;
    }

    /** The day's status per date, for the Control de Subvenciones grid. */
    public Map<LocalDate, Status> daysOfCourse(School school, long courseId, YearMonth month) {
        Map<LocalDate, Status> byDay = new LinkedHashMap<>();
        Course shown = directory.course(courseId).orElseThrow();
        // Only the course's own grade is read: a grade-day is what SIGE receives together.
        var grade = month(
                school,
                month,
                c -> c.teachingTypeCode() == shown.teachingTypeCode() && c.gradeCode() == shown.gradeCode());
        for (DayStatus day : grade) {
            day.courses().stream()
                    .filter(course -> course.courseId() == courseId)
                    .findFirst()
                    .ifPresent(course -> byDay.put(day.date(), course.status()));
        }
        return byDay;
    }

    private CourseStatus courseStatus(
            Course course, GradeDay key, boolean hasRegister, Submission submission, Payload current) {
        if (submission == null) {
            return new CourseStatus(
                    course.id(), course.name(), hasRegister ? Status.NOT_SENT : Status.NO_RECORD, null, null);
        }
        Status status = switch (submission.state()) {
            case QUEUED, SENDING -> Status.QUEUED;
            case SENT -> Status.SENT;
            case FAILED -> Status.FAILED;
            case REJECTED -> Status.REJECTED;
            case SYNCED -> Status.SYNCED;
            case SYNCED_WITH_OBSERVATIONS -> Status.SYNCED_WITH_OBSERVATIONS;
        };
        // A FAILED submission never reached SIGE: it keeps saying so, with its reason, until resent.
        if (submission.state().isFinal() && submission.state() != SubmissionState.FAILED) {
            String sent = submission.courseFingerprints().get(course.id());
            String now = current == null
                    ? null
                    : current.courses().stream()
                            .filter(c -> c.courseId() == course.id())
                            .findFirst()
                            .map(c -> Payload.courseFingerprint(key, c))
                            .orElse(null);
            // No current payload means the book now has a problem on that day: it differs from what was sent.
            if (now == null ? sent != null : !now.equals(sent)) {
                status = Status.MODIFIED_AFTER_SYNC;
            }
        }
        return new CourseStatus(course.id(), course.name(), status, submission.id(), submission.lastProblem());
    }
}
