package cl.aula.sige.simulator.attendance;

import static cl.aula.sige.simulator.attendance.AttendanceFixtures.AGREEMENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.sige.simulator.enrollment.EnrolledStudent;
import cl.aula.sige.simulator.enrollment.Run;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttendanceVolumeUnitTest {

    private static final int SCHOOLS = 10;
    private static final int GRADES = 8;
    private static final List<String> LETTERS = List.of("A", "B");
    private static final int STUDENTS_PER_COURSE = 40;
    private static final int DAYS = 16;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void holdsOverAHundredThousandStudentDaysQuickly() {
        Set<Integer> rbds = IntStream.rangeClosed(1, SCHOOLS).boxed().collect(Collectors.toSet());
        AttendanceFixtures fixtures = new AttendanceFixtures(worker, rbds);
        AttendanceService service = fixtures.service;
        rbds.forEach(rbd -> fixtures.enrollments.replace(rbd, enrolment(rbd)));
        long start = System.nanoTime();

        int accepted = 0;
        for (int rbd : rbds) {
            for (int grade = 1; grade <= GRADES; grade++) {
                for (int day = 1; day <= DAYS; day++) {
                    SigeAnswer answer = service.addAttendance(AGREEMENT_ID, document(rbd, grade, day));
                    assertThat(answer.code()).as(answer.messages().toString()).isEqualTo(1);
                    accepted++;
                }
            }
        }
        int processed = service.processQueued();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        long expected = (long) SCHOOLS * GRADES * LETTERS.size() * STUDENTS_PER_COURSE * DAYS;
        assertThat(expected).isGreaterThanOrEqualTo(100_000);
        assertThat(processed).isEqualTo(accepted);
        assertThat(service.storedStudentDays()).isEqualTo(expected);
        assertThat(service.submissions(1)).allMatch(s -> s.reportCode() == 1);
        assertThat(service.attendance(1, LocalDate.of(2026, 3, 2))).hasSize(GRADES * LETTERS.size());
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    private static int numero(int rbd, int grade, int letter, int student) {
        return 10_000_000 + rbd * 100_000 + grade * 1_000 + letter * 100 + student;
    }

    private static List<EnrolledStudent> enrolment(int rbd) {
        List<EnrolledStudent> students = new ArrayList<>();
        for (int grade = 1; grade <= GRADES; grade++) {
            for (int letter = 0; letter < LETTERS.size(); letter++) {
                for (int student = 0; student < STUDENTS_PER_COURSE; student++) {
                    students.add(new EnrolledStudent(
                            Run.of(numero(rbd, grade, letter, student)),
                            110,
                            grade,
                            LETTERS.get(letter),
                            LocalDate.of(2026, 3, 1),
                            null));
                }
            }
        }
        return students;
    }

    /** Day {@code day} is 2026-03-(day+1): every student, the first five absent. */
    private static AttendanceDocument document(int rbd, int grade, int day) {
        List<SentCourse> courses = new ArrayList<>();
        for (int letter = 0; letter < LETTERS.size(); letter++) {
            List<Run> present = new ArrayList<>();
            List<Run> absent = new ArrayList<>();
            for (int student = 0; student < STUDENTS_PER_COURSE; student++) {
                (student < 5 ? absent : present).add(Run.of(numero(rbd, grade, letter, student)));
            }
            courses.add(new SentCourse(LETTERS.get(letter), present, absent));
        }
        LocalDate date = LocalDate.of(2026, 3, day + 1);
        return new AttendanceDocument(2026, rbd, 110, grade, date, courses);
    }
}
