package cl.aula.demo;

import cl.aula.attendance.AttendanceRegisters;
import cl.aula.attendance.AttendanceStatus;
import cl.aula.attendance.CalendarEntry;
import cl.aula.attendance.ClassHour;
import cl.aula.attendance.SchoolCalendar;
import cl.aula.attendance.TakingAttendance;
import cl.aula.attendance.Timetable;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.StaffAccounts;
import cl.aula.security.StaffPrincipal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's class book: a Monday-to-Friday timetable of six hours for every course, Chile's fixed
 * holidays, and registers for every school day of the previous month and of this month so far (about
 * 90% present, a few late), with a few subsidy-hour gaps and one correction, so the Control de
 * Subvenciones looks real at first start. Deterministic, like the rest of the demo.
 */
@Service
public class AttendanceDemo {

    static final int HOURS = 6;
    private static final Logger log = LoggerFactory.getLogger(AttendanceDemo.class);
    private static final Map<MonthDay, String> HOLIDAYS = Map.of(
            MonthDay.of(1, 1), "Año Nuevo",
            MonthDay.of(5, 1), "Día del Trabajo",
            MonthDay.of(5, 21), "Día de las Glorias Navales",
            MonthDay.of(7, 16), "Virgen del Carmen",
            MonthDay.of(8, 15), "Asunción de la Virgen",
            MonthDay.of(9, 18), "Independencia Nacional",
            MonthDay.of(9, 19), "Día de las Glorias del Ejército",
            MonthDay.of(11, 1), "Día de Todos los Santos",
            MonthDay.of(12, 8), "Inmaculada Concepción",
            MonthDay.of(12, 25), "Navidad");

    private final Timetable timetable;
    private final SchoolCalendar calendar;
    private final TakingAttendance taking;
    private final AttendanceRegisters registers;
    private final Directory directory;
    private final StaffAccounts accounts;
    private final Clock clock;

    AttendanceDemo(
            Timetable timetable,
            SchoolCalendar calendar,
            TakingAttendance taking,
            AttendanceRegisters registers,
            Directory directory,
            StaffAccounts accounts,
            Clock clock) {
        this.timetable = timetable;
        this.calendar = calendar;
        this.taking = taking;
        this.registers = registers;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public void load(DemoData.Loaded loaded) {
        LocalDate today = LocalDate.now(clock);
        List<ClassHour> week = Timetable.standardWeek(HOURS);
        for (School school : List.of(loaded.school(), loaded.secondSchool())) {
            for (Course course : directory.courses(school.id())) {
                timetable.replace(course.id(), week);
            }
            directory.schoolYearOn(school.id(), today).ifPresent(year -> holidays(school, year));
        }

        StaffPrincipal teacher = accounts.loadUserByUsername("profesor");
        StaffPrincipal admin = accounts.loadUserByUsername("asistencia");
        SchoolYear year = loaded.year();
        LocalDate from = today.minusMonths(1).withDayOfMonth(1);
        List<LocalDate> days = calendar.schoolDays(year, from, today);
        Random random = new Random(20261203L);
        int registers = 0;
        for (int c = 0; c < loaded.courses().size(); c++) {
            Course course = loaded.courses().get(c);
            List<TakingAttendance.NewRegister> book = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                List<EnrolledStudent> students = directory.studentsEnrolled(course.id(), day);
                for (ClassHour hour : timetable.hoursOn(course.id(), day.getDayOfWeek())) {
                    if (day.equals(today) && LocalTime.now(clock).isBefore(hour.startsAt())) {
                        continue;
                    }
                    if (isGap(c, d, days.size(), hour.hour(), loaded.school().subsidyHour())) {
                        continue;
                    }
                    book.add(new TakingAttendance.NewRegister(day, hour.hour(), marks(students, random)));
                }
            }
            registers += taking.recordAll(course, book, teacher);
        }
        correctOne(loaded, days, admin);
        log.info("Demo attendance loaded: {} registers over {} school days", registers, days.size());
    }

    /** A few courses miss the subsidy hour on a few days, so the grid shows what a gap looks like. */
    private static boolean isGap(int course, int day, int days, int hour, int subsidyHour) {
        if (hour != subsidyHour) {
            return false;
        }
        return (course == 1 && day == 4) || (course == 3 && day == days - 2) || (course == 4 && day == 11);
    }

    /** One absence corrected to a late arrival by the attendance admin, so the history page has something. */
    private void correctOne(DemoData.Loaded loaded, List<LocalDate> days, StaffPrincipal admin) {
        if (days.size() < 3) {
            return;
        }
        Course course = loaded.courses().get(0);
        LocalDate day = days.get(days.size() - 3);
        int hour = loaded.school().subsidyHour();
        registers.find(course.id(), day, hour).ifPresent(register -> {
            long late = register.marks().stream()
                    .filter(m -> m.status() == AttendanceStatus.ABSENT)
                    .findFirst()
                    .orElse(register.marks().get(0))
                    .studentId();
            List<TakingAttendance.SubmittedMark> corrected = register.marks().stream()
                    .map(m -> new TakingAttendance.SubmittedMark(
                            m.studentId(),
                            m.studentId() == late
                                    ? AttendanceStatus.LATE.name()
                                    : m.status().name()))
                    .toList();
            taking.record(
                    course,
                    day,
                    hour,
                    new TakingAttendance.Submission(
                            corrected, "Llegó a las 08:20 con justificativo del apoderado", register.version()),
                    admin);
        });
    }

    private static List<TakingAttendance.SubmittedMark> marks(List<EnrolledStudent> students, Random random) {
        List<TakingAttendance.SubmittedMark> marks = new ArrayList<>();
        for (EnrolledStudent student : students) {
            // A couple of students per course miss school more often, as in any real class.
            double absence = student.listNumber() % 11 == 3 ? 0.22 : 0.05;
            double roll = random.nextDouble();
            AttendanceStatus status = roll < absence
                    ? AttendanceStatus.ABSENT
                    : roll < absence + 0.04 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
            marks.add(new TakingAttendance.SubmittedMark(student.studentId(), status.name()));
        }
        return marks;
    }

    private void holidays(School school, SchoolYear year) {
        for (LocalDate date = year.startsOn(); !date.isAfter(year.endsOn()); date = date.plusDays(1)) {
            String name = HOLIDAYS.get(MonthDay.from(date));
            if (name != null && date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                calendar.add(school, date, CalendarEntry.Kind.HOLIDAY, name, null, "demo");
            }
        }
    }
}
