package cl.aula.sige;

import cl.aula.attendance.AttendanceRegisters;
import cl.aula.attendance.AttendanceStatus;
import cl.aula.attendance.HourMarks;
import cl.aula.attendance.SchoolCalendar;
import cl.aula.common.Run;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the Control de Subvenciones (the marks at the school's subsidy hour) into SIGE payloads, one
 * per date and grade, and collects every reason a grade-day cannot be sent as it stands.
 */
@Component
class PayloadBuilder {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Directory directory;
    private final AttendanceRegisters registers;
    private final SchoolCalendar calendar;

    PayloadBuilder(Directory directory, AttendanceRegisters registers, SchoolCalendar calendar) {
        this.directory = directory;
        this.registers = registers;
        this.calendar = calendar;
    }

    /**
     * What the class book says for the dates: the payloads that can be sent, the problems of those
     * that cannot (by grade-day), and the school days on which no subsidy-hour register was taken.
     */
    record Reading(
            Map<GradeDay, Payload> payloads,
            Map<GradeDay, List<String>> problems,
            List<LocalDate> daysWithoutRegisters,
            List<LocalDate> schoolDays) {

        boolean clean() {
            return problems.isEmpty() && daysWithoutRegisters.isEmpty();
        }
    }

    Reading read(School school, LocalDate from, LocalDate to) {
        return read(school, from, to, course -> true);
    }

    /** Only the courses the filter keeps, e.g. one grade for one course's grid. */
    Reading read(School school, LocalDate from, LocalDate to, java.util.function.Predicate<Course> only) {
        Map<GradeDay, Payload> payloads = new TreeMap<>();
        Map<GradeDay, List<String>> problems = new TreeMap<>();
        List<LocalDate> withoutRegisters = new ArrayList<>();
        List<LocalDate> schoolDays = new ArrayList<>();

        for (SchoolYear year : yearsBetween(school, from, to)) {
            List<LocalDate> days = calendar.schoolDays(year, from, to);
            schoolDays.addAll(days);
            // Keyed by teaching type then grade (110-1 before 110-2 before 310-1).
            Map<Integer, List<Course>> grades = directory.courses(school.id()).stream()
                    .filter(course -> course.schoolYearId() == year.id())
                    .filter(only)
                    .collect(Collectors.groupingBy(
                            course -> course.teachingTypeCode() * 100 + course.gradeCode(),
                            TreeMap::new,
                            Collectors.toList()));
            Map<Long, Map<LocalDate, HourMarks>> marks = new HashMap<>();
            for (List<Course> courses : grades.values()) {
                for (Course course : courses) {
                    marks.put(course.id(), registers.marksAt(course.id(), school.subsidyHour(), from, to));
                }
            }
            // Registers taken on a day that is not a school day (a holiday recorded afterwards, say)
            // are never sent; the user is told, as the records circular expects.
            for (List<Course> courses : grades.values()) {
                for (Course course : courses) {
                    for (LocalDate date : marks.get(course.id()).keySet()) {
                        if (!days.contains(date) && year.contains(date)) {
                            problems.computeIfAbsent(
                                            new GradeDay(date, course.teachingTypeCode(), course.gradeCode()),
                                            key -> new ArrayList<>())
                                    .add(course.name() + ", " + date.format(DAY) + ": tiene registro de asistencia "
                                            + "pero no es día de clases en el calendario escolar; no se envía.");
                        }
                    }
                }
            }
            for (LocalDate date : days) {
                boolean anyRegister = marks.values().stream().anyMatch(byDate -> byDate.containsKey(date));
                if (!anyRegister) {
                    withoutRegisters.add(date);
                    continue;
                }
                for (List<Course> courses : grades.values()) {
                    GradeDay key = new GradeDay(
                            date,
                            courses.get(0).teachingTypeCode(),
                            courses.get(0).gradeCode());
                    List<String> gradeProblems = new ArrayList<>();
                    List<Payload.CourseAttendance> attendance = new ArrayList<>();
                    for (Course course : courses) {
                        course(school, course, date, marks.get(course.id()).get(date), gradeProblems)
                                .ifPresent(attendance::add);
                    }
                    if (!gradeProblems.isEmpty()) {
                        problems.put(key, gradeProblems);
                    } else if (!attendance.isEmpty()) {
                        payloads.put(key, new Payload(year.year(), school.rbd(), key, attendance));
                    }
                }
            }
        }
        return new Reading(payloads, problems, withoutRegisters, schoolDays);
    }

    /** One grade-day, read again just before sending, so what SIGE gets is what the book says now. */
    Optional<Payload> payload(School school, GradeDay key, List<String> problems) {
        // Only the grade being sent: reading every grade of the school made each send read six times
        // what it needed (month-end benchmark: the send step was the bottleneck).
        Reading reading = read(
                school,
                key.date(),
                key.date(),
                course -> course.teachingTypeCode() == key.teachingTypeCode() && course.gradeCode() == key.gradeCode());
        if (reading.daysWithoutRegisters().contains(key.date())) {
            problems.add("El " + key.date().format(DAY) + " ya no tiene registros de la hora de subvención.");
        }
        problems.addAll(reading.problems().getOrDefault(key, List.of()));
        return problems.isEmpty() ? Optional.ofNullable(reading.payloads().get(key)) : Optional.empty();
    }

    private Optional<Payload.CourseAttendance> course(
            School school, Course course, LocalDate date, HourMarks register, List<String> problems) {
        List<EnrolledStudent> enrolled = directory.studentsEnrolled(course.id(), date);
        if (enrolled.isEmpty()) {
            return Optional.empty();
        }
        String where = course.name() + ", " + date.format(DAY) + ": ";
        if (register == null) {
            problems.add(where + "falta el registro de la " + school.subsidyHour() + "ª hora (hora de subvención).");
            return Optional.empty();
        }
        int before = problems.size();
        List<Run> present = new ArrayList<>();
        List<Run> absent = new ArrayList<>();
        Map<Long, AttendanceStatus> unmatched = new LinkedHashMap<>(register.marks());
        for (EnrolledStudent student : enrolled) {
            AttendanceStatus status = unmatched.remove(student.studentId());
            if (student.identifier() == null) {
                problems.add(where + student.fullName()
                        + " no tiene un RUN o IPE vigente en esa fecha: corríjalo en su ficha para poder enviarlo.");
            }
            if (status == null) {
                problems.add(where + student.fullName() + " no tiene marca en el registro de la hora de subvención.");
            } else if (student.identifier() == null) {
                continue;
            } else if (status == AttendanceStatus.ABSENT) {
                absent.add(student.identifier().run());
            } else {
                present.add(student.identifier().run());
            }
        }
        if (!unmatched.isEmpty()) {
            problems.add(where + unmatched.size() + " marca(s) de alumnos que no estaban matriculados ese día.");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Payload.CourseAttendance(course.id(), course.letter(), present, absent));
    }

    private List<SchoolYear> yearsBetween(School school, LocalDate from, LocalDate to) {
        return directory.schoolYears(school.id()).stream()
                .filter(year ->
                        !year.endsOn().isBefore(from) && !year.startsOn().isAfter(to))
                .collect(Collectors.toCollection(
                        () -> new TreeSet<>(java.util.Comparator.comparing(SchoolYear::startsOn))))
                .stream()
                .toList();
    }
}
