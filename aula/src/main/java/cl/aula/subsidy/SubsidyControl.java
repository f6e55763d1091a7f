package cl.aula.subsidy;

import cl.aula.attendance.AttendanceRegisterChanged;
import cl.aula.attendance.AttendanceRegisters;
import cl.aula.attendance.AttendanceStatus;
import cl.aula.attendance.HourMarks;
import cl.aula.attendance.SchoolCalendar;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The Control de Subvenciones, computed from the registers at the school's subsidy hour each time it
 * is asked for: present if PRESENT or LATE, absent if ABSENT, nothing without a register. This is
 * what SIGE receives. Access checks are the caller's.
 */
@Service
public class SubsidyControl {

    private final Directory directory;
    private final SchoolCalendar calendar;
    private final AttendanceRegisters registers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubsidyControl(
            Directory directory,
            SchoolCalendar calendar,
            AttendanceRegisters registers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.directory = directory;
        this.calendar = calendar;
        this.registers = registers;
        this.events = events;
        this.clock = clock;
    }

    /** The course's monthly grid; a month outside its school year has no days. */
    public MonthlyControl month(Course course, YearMonth month) {
        School school = directory.school(course.schoolId()).orElseThrow();
        SchoolYear year = directory.schoolYear(course.schoolYearId()).orElseThrow();
        LocalDate from = max(month.atDay(1), year.startsOn());
        LocalDate to = min(month.atEndOfMonth(), year.endsOn());
        List<LocalDate> schoolDays = calendar.schoolDays(year, from, to);
        Map<LocalDate, HourMarks> marks = registers.marksAt(course.id(), school.subsidyHour(), from, to);
        List<Enrolled> students = enrolledBetween(course.id(), month.atDay(1), month.atEndOfMonth());
        LocalDate today = LocalDate.now(clock);

        List<MonthlyControl.Day> days = new ArrayList<>();
        Map<Long, Map<LocalDate, SubsidyMark>> rows = new LinkedHashMap<>();
        students.forEach(s -> rows.put(s.student().studentId(), new LinkedHashMap<>()));
        int present = 0;
        int marked = 0;
        for (LocalDate day : schoolDays) {
            HourMarks register = marks.get(day);
            int dayPresent = 0;
            int dayAbsent = 0;
            int enrolled = 0;
            for (Enrolled student : students) {
                if (!student.enrolledOn(day)) {
                    continue;
                }
                enrolled++;
                AttendanceStatus status = register == null
                        ? null
                        : register.marks().get(student.student().studentId());
                SubsidyMark mark = status == null ? null : SubsidyMark.of(status);
                rows.get(student.student().studentId()).put(day, mark);
                if (mark == SubsidyMark.PRESENT) {
                    dayPresent++;
                } else if (mark == SubsidyMark.ABSENT) {
                    dayAbsent++;
                }
            }
            present += dayPresent;
            marked += dayPresent + dayAbsent;
            boolean future = day.isAfter(today);
            days.add(new MonthlyControl.Day(
                    day,
                    register != null,
                    register == null && !future,
                    future,
                    new MonthlyControl.Totals(dayPresent, dayAbsent, enrolled)));
        }

        List<MonthlyControl.StudentRow> studentRows = new ArrayList<>();
        for (Enrolled student : students) {
            Map<LocalDate, SubsidyMark> row = rows.get(student.student().studentId());
            int p = (int)
                    row.values().stream().filter(m -> m == SubsidyMark.PRESENT).count();
            int a = (int)
                    row.values().stream().filter(m -> m == SubsidyMark.ABSENT).count();
            EnrolledStudent s = student.student();
            studentRows.add(new MonthlyControl.StudentRow(
                    s.studentId(),
                    s.listNumber(),
                    s.fullName(),
                    student.enrolledOn(),
                    student.withdrawnOn(),
                    row,
                    p,
                    a,
                    rate(p, p + a)));
        }
        int atStart = (int) students.stream().filter(s -> s.enrolledOn(from)).count();
        int atEnd = (int) students.stream().filter(s -> s.enrolledOn(to)).count();
        int joined = (int) students.stream()
                .filter(s -> s.enrolledOn().isAfter(from) && !s.enrolledOn().isAfter(to))
                .count();
        int left = (int) students.stream()
                .filter(s -> s.withdrawnOn() != null
                        && s.withdrawnOn().isAfter(from)
                        && !s.withdrawnOn().isAfter(to))
                .count();
        int taught = (int) days.stream().filter(MonthlyControl.Day::registered).count();
        return new MonthlyControl(
                course,
                month,
                school.subsidyHour(),
                days,
                studentRows,
                taught,
                schoolDays.isEmpty() ? 0 : atStart,
                schoolDays.isEmpty() ? 0 : joined,
                schoolDays.isEmpty() ? 0 : left,
                schoolDays.isEmpty() ? 0 : atEnd,
                rate(present, marked));
    }

    /** One course's Control de Subvenciones for one day, as SIGE receives it. */
    public SubsidyDay day(Course course, LocalDate date) {
        School school = directory.school(course.schoolId()).orElseThrow();
        SchoolYear year = directory.schoolYear(course.schoolYearId()).orElseThrow();
        return day(course, school, year, date);
    }

    /** Every course's Control de Subvenciones for the day, for the courses of the school year containing it. */
    public List<SubsidyDay> schoolDay(long schoolId, LocalDate date) {
        School school = directory.school(schoolId).orElseThrow();
        Optional<SchoolYear> year = directory.schoolYearOn(schoolId, date);
        if (year.isEmpty()) {
            return List.of();
        }
        return directory.courses(schoolId).stream()
                .filter(c -> c.schoolYearId() == year.get().id())
                .map(c -> day(c, school, year.get(), date))
                .toList();
    }

    /**
     * When the subsidy-hour marks of the course for that day last changed; empty without a register.
     * A later instant than the one sent to SIGE means the day was modified after the sync.
     */
    public Optional<Instant> lastChangedAt(Course course, LocalDate date) {
        School school = directory.school(course.schoolId()).orElseThrow();
        return registers.changedAt(course.id(), date, school.subsidyHour());
    }

    /** Whether the hour is the school's subsidy hour, whose marks make the Control de Subvenciones. */
    public boolean isSubsidyHour(long schoolId, int hour) {
        return directory.school(schoolId).map(s -> s.subsidyHour() == hour).orElse(false);
    }

    @EventListener
    void on(AttendanceRegisterChanged changed) {
        if (changed.subsidyHour()) {
            events.publishEvent(new SubsidyMarksChanged(
                    changed.schoolId(), changed.courseId(), changed.date(), changed.version(), changed.changedAt()));
        }
    }

    private SubsidyDay day(Course course, School school, SchoolYear year, LocalDate date) {
        boolean schoolDay = calendar.day(year, date).schoolDay();
        HourMarks register =
                registers.marksAt(course.id(), school.subsidyHour(), date, date).get(date);
        List<Long> enrolled = enrolledBetween(course.id(), date, date).stream()
                .filter(s -> s.enrolledOn(date))
                .map(s -> s.student().studentId())
                .toList();
        Map<Long, SubsidyMark> marks = new LinkedHashMap<>();
        if (register != null) {
            for (Long student : enrolled) {
                AttendanceStatus status = register.marks().get(student);
                if (status != null) {
                    marks.put(student, SubsidyMark.of(status));
                }
            }
        }
        return new SubsidyDay(
                course.id(),
                date,
                school.subsidyHour(),
                schoolDay,
                register != null,
                register == null ? 0 : register.version(),
                register == null ? null : register.changedAt(),
                enrolled,
                marks);
    }

    /** A student with all their enrolment periods in the course that touch the dates (usually one). */
    private record Enrolled(EnrolledStudent student, List<EnrolledStudent> periods) {

        boolean enrolledOn(LocalDate date) {
            return periods.stream()
                    .anyMatch(p -> !date.isBefore(p.enrolledOn())
                            && (p.withdrawnOn() == null || date.isBefore(p.withdrawnOn())));
        }

        LocalDate enrolledOn() {
            return periods.get(0).enrolledOn();
        }

        LocalDate withdrawnOn() {
            return periods.get(periods.size() - 1).withdrawnOn();
        }
    }

    private List<Enrolled> enrolledBetween(long courseId, LocalDate from, LocalDate to) {
        Map<Long, List<EnrolledStudent>> byStudent = new LinkedHashMap<>();
        for (EnrolledStudent s : directory.studentsEnrolledBetween(courseId, from, to)) {
            byStudent.computeIfAbsent(s.studentId(), id -> new ArrayList<>()).add(s);
        }
        return byStudent.values().stream()
                .map(periods -> {
                    List<EnrolledStudent> sorted = periods.stream()
                            .sorted(java.util.Comparator.comparing(EnrolledStudent::enrolledOn))
                            .toList();
                    return new Enrolled(sorted.get(0), sorted);
                })
                .toList();
    }

    static Double rate(int present, int marked) {
        if (marked == 0) {
            return null;
        }
        return BigDecimal.valueOf(present * 100.0 / marked)
                .setScale(1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
