package cl.aula.sige;

import cl.aula.ApiClient;
import cl.aula.attendance.AttendanceRegisters;
import cl.aula.attendance.AttendanceStatus;
import cl.aula.attendance.HourMarks;
import cl.aula.demo.SigeDemo;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.School;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/**
 * Sets the SIGE side of a test: the simulator's agreement and enrolment, and a declaration calendar
 * in which the previous month is still open (the first days of a month), in Aula and in the simulator
 * alike, so that tests have a whole month of demo attendance to send whatever today's date.
 */
@TestComponent
public class SigeScene {

    private final SimulatorLauncher launcher;
    private final DeclarationCalendar calendar;
    private final Directory directory;
    private final AttendanceRegisters registers;
    private final SigeDemo demo;
    private final Agreements agreements;
    private final Clock clock;
    private final cl.aula.attendance.SchoolCalendar schoolCalendar;

    SigeScene(
            cl.aula.attendance.SchoolCalendar schoolCalendar,
            SimulatorLauncher launcher,
            DeclarationCalendar calendar,
            Directory directory,
            AttendanceRegisters registers,
            SigeDemo demo,
            Agreements agreements,
            Clock clock) {
        this.schoolCalendar = schoolCalendar;
        this.launcher = launcher;
        this.calendar = calendar;
        this.directory = directory;
        this.registers = registers;
        this.demo = demo;
        this.agreements = agreements;
        this.clock = clock;
    }

    SimulatorControl simulator() {
        launcher.awaitReady(Duration.ofSeconds(60));
        return launcher.control().orElseThrow();
    }

    School school() {
        return directory.schoolByRbd("24680").orElseThrow();
    }

    YearMonth openMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** A fresh SIGE that knows the demo school exactly as Aula does, or with the demo's mismatches. */
    void freshSige(boolean mismatches) {
        SimulatorControl simulator = simulator();
        simulator.reset();
        Instant closes = clock.instant().plus(Duration.ofDays(2));
        calendar.setClosing(
                openMonth().toString(),
                closes.atOffset(java.time.ZoneOffset.UTC).toString(),
                "test");
        simulator.putDeclarationPeriod(openMonth().toString(), closes.toString());
        agreements.save(school().id(), SigeDemo.AGREEMENT_ID, SigeDemo.TOKEN, true, "test");
        simulator.putAgreement(SigeDemo.AGREEMENT_ID, 1001, SigeDemo.TOKEN, List.of(school().rbd()));
        simulator.putEnrollment(school().rbd(), believed(mismatches));
    }

    List<Course> courses() {
        long year = directory
                .schoolYearOn(school().id(), openMonth().atDay(15))
                .orElseThrow()
                .id();
        return directory.courses(school().id()).stream()
                .filter(c -> c.schoolYearId() == year)
                .toList();
    }

    /**
     * Takes the subsidy-hour register wherever the demo left a gap, and completes registers that lack
     * a student enrolled later, as a teacher would: the missing students present.
     */
    void fillGaps(ApiClient teacher, List<LocalDate> days) {
        for (Course course : courses()) {
            Map<LocalDate, HourMarks> marks = registers.marksAt(course.id(), 2, days.get(0), days.get(days.size() - 1));
            for (LocalDate day : days) {
                List<EnrolledStudent> enrolled = directory.studentsEnrolled(course.id(), day);
                HourMarks taken = marks.get(day);
                boolean complete = taken != null
                        && enrolled.stream().allMatch(s -> taken.marks().containsKey(s.studentId()));
                if (complete || enrolled.isEmpty()) {
                    continue;
                }
                String body = enrolled.stream()
                                .map(s -> "{\"studentId\":" + s.studentId() + ",\"status\":\""
                                        + (taken == null
                                                ? AttendanceStatus.PRESENT
                                                : taken.marks().getOrDefault(s.studentId(), AttendanceStatus.PRESENT))
                                        + "\"}")
                                .collect(Collectors.joining(",", "{\"marks\":[", "]"))
                        + (taken == null ? "}" : ",\"reason\":\"Alumno que faltaba en la lista\"}");
                ApiClient.Response response =
                        teacher.put("/api/v1/courses/" + course.id() + "/attendance/" + day + "/2", body);
                if (response.status() != 200) {
                    throw new IllegalStateException("could not fill a gap: " + response.body());
                }
            }
        }
    }

    /** What SIGE should hold for a course on a day, computed from Aula's registers at the 2nd hour. */
    record Expected(TreeSet<Integer> present, TreeSet<Integer> absent) {}

    Expected expected(Course course, LocalDate day) {
        HourMarks marks = registers.marksAt(course.id(), 2, day, day).get(day);
        TreeSet<Integer> present = new TreeSet<>();
        TreeSet<Integer> absent = new TreeSet<>();
        for (EnrolledStudent student : directory.studentsEnrolled(course.id(), day)) {
            AttendanceStatus status = marks.marks().get(student.studentId());
            (status == AttendanceStatus.ABSENT ? absent : present)
                    .add(student.identifier().run().number());
        }
        return new Expected(present, absent);
    }

    Expected held(Course course, LocalDate day) {
        JsonNode courses = simulator().attendance(school().rbd(), day);
        for (JsonNode held : courses) {
            if (held.get("teachingTypeCode").asInt() == course.teachingTypeCode()
                    && held.get("gradeCode").asInt() == course.gradeCode()
                    && held.get("letter").asString().equals(course.letter())) {
                return new Expected(numbers(held.get("present")), numbers(held.get("absent")));
            }
        }
        return null;
    }

    private static TreeSet<Integer> numbers(JsonNode runs) {
        TreeSet<Integer> numbers = new TreeSet<>();
        runs.forEach(run -> numbers.add(run.get("numero").asInt()));
        return numbers;
    }

    List<LocalDate> schoolDaysOfOpenMonth() {
        var year = directory.schoolYearOn(school().id(), openMonth().atDay(15)).orElseThrow();
        return schoolCalendar.schoolDays(year, openMonth().atDay(1), openMonth().atEndOfMonth());
    }

    List<SimulatorControl.Enrolled> believed(boolean mismatches) {
        // Identifiers as they are at the end of the open month, the days the tests send.
        return demo.believedEnrollment(school(), mismatches, openMonth().atEndOfMonth());
    }

    long requestSync(ApiClient director, LocalDate from, LocalDate to) {
        ApiClient.Response response = director.post(
                "/api/v1/schools/24680-8/sige/syncs", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        if (response.status() != 202) {
            throw new AssertionError("sync refused: " + response.body());
        }
        return response.json().get("id").asLong();
    }

    JsonNode awaitFinal(ApiClient director, long syncId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            JsonNode sync =
                    director.get("/api/v1/schools/24680-8/sige/syncs/" + syncId).json();
            if (!sync.get("state").asString().equals("IN_PROGRESS")) {
                return sync;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("sync " + syncId + " did not finish in time");
    }
}
