package cl.aula.sige.simulator.attendance;

import static cl.aula.sige.simulator.attendance.AttendanceFixtures.AGREEMENT_ID;
import static cl.aula.sige.simulator.attendance.AttendanceFixtures.course;
import static cl.aula.sige.simulator.attendance.AttendanceFixtures.document;
import static cl.aula.sige.simulator.attendance.AttendanceFixtures.student;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.sige.simulator.enrollment.Run;
import cl.aula.sige.simulator.fault.FaultSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttendanceServiceUnitTest {

    private static final int RBD = 12345;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    private static final Run ANA = Run.of(11111117);
    private static final Run BETO = Run.of(12345678);
    private static final Run CARLA = Run.of(15000000);

    private final RecordingWorker worker = new RecordingWorker();
    private final AttendanceFixtures fixtures = new AttendanceFixtures(worker, Set.of(RBD));
    private final AttendanceService service = fixtures.service;

    @BeforeEach
    void enrolTwoCourses() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        fixtures.enrollments.replace(
                RBD,
                List.of(
                        student(ANA.numero(), "A", march, null),
                        student(BETO.numero(), "A", march, LocalDate.of(2026, 3, 16)),
                        student(CARLA.numero(), "B", march, null)));
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void acceptsACompleteDayAndProcessesItToCode1() {
        SigeAnswer accepted = service.addAttendance(
                AGREEMENT_ID,
                document(RBD, DAY, course("A", List.of(ANA), List.of()), course("B", List.of(), List.of(CARLA))));

        assertThat(accepted.code()).isEqualTo(1);
        assertThat(service.report(AGREEMENT_ID, RBD, accepted.submissionCode()).code())
                .isZero();
        assertThat(service.processQueued()).isEqualTo(1);
        assertThat(service.report(AGREEMENT_ID, RBD, accepted.submissionCode()).code())
                .isEqualTo(1);
        assertThat(service.attendance(RBD, DAY))
                .extracting(StoredCourse::letter)
                .containsExactly("A", "B");
        assertThat(service.storedStudentDays()).isEqualTo(2);
    }

    @Test
    void aStudentWithdrawnTheDayBeforeIsNotExpectedButIsAnObservationWhenSent() {
        SigeAnswer accepted = service.addAttendance(
                AGREEMENT_ID,
                document(RBD, DAY, course("A", List.of(ANA, BETO), List.of()), course("B", List.of(CARLA), List.of())));
        service.processQueued();

        SigeAnswer report = service.report(AGREEMENT_ID, RBD, accepted.submissionCode());

        assertThat(report.code()).isEqualTo(2);
        assertThat(report.messages()).containsExactly("LETRA CURSO (A) RUN 12345678 RETIRADO O NO MATRICULADO.");
        assertThat(service.storedStudentDays()).isEqualTo(2);
    }

    @Test
    void aCourseLeftOutMakesAllItsStudentsFaltanteAndNothingIsStored() {
        SigeAnswer accepted =
                service.addAttendance(AGREEMENT_ID, document(RBD, DAY, course("A", List.of(ANA), List.of())));
        service.processQueued();

        SigeAnswer report = service.report(AGREEMENT_ID, RBD, accepted.submissionCode());

        assertThat(report.code()).isEqualTo(3);
        assertThat(report.messages()).containsExactly("LETRA CURSO (B) RUN 15000000 FALTANTE.");
        assertThat(service.attendance(RBD, DAY)).isEmpty();
    }

    @Test
    void findsEveryProblemOfADocumentAtOnce() {
        var badDocument = new AttendanceDocument(
                2025,
                RBD,
                110,
                1,
                LocalDate.of(2026, 3, 21),
                List.of(
                        course("A", List.of(new Run(ANA.numero(), "1"), BETO), List.of(BETO)),
                        course("a", List.of(), List.of()),
                        course("Z", List.of(), List.of()),
                        course(" ", List.of(), List.of())));

        SigeAnswer refused = service.addAttendance(AGREEMENT_ID, badDocument);

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.messages())
                .containsExactly(
                        "ANIO ESCOLAR (2025) NO CORRESPONDE A LA FECHA DE ASISTENCIA (2026-03-21).",
                        "FECHA DE ASISTENCIA (2026-03-21) POSTERIOR A LA FECHA ACTUAL.",
                        "LETRA CURSO (A) RUN 11111117-1 DIGITO VERIFICADOR INCORRECTO.",
                        "LETRA CURSO (A) RUN 12345678 INFORMADO MAS DE UNA VEZ.",
                        "LETRA CURSO (A) INFORMADA MAS DE UNA VEZ.",
                        "LETRA CURSO (Z) NO EXISTE PARA TIPO DE ENSENANZA 110 GRADO 1.",
                        "LETRA CURSO NO INFORMADA.");
        assertThat(service.queuedSubmissions()).isZero();
    }

    @Test
    void aGradeWithoutCoursesInSigeIsRefused() {
        var otherGrade = new AttendanceDocument(2026, RBD, 110, 2, DAY, List.of(course("A", List.of(), List.of())));

        assertThat(service.addAttendance(AGREEMENT_ID, otherGrade).messages())
                .containsExactly("RBD 12345 NO TIENE CURSOS DE TIPO DE ENSENANZA 110 GRADO 2.");
    }

    @Test
    void aSchoolSigeDoesNotKnowIsCode3AndOneTheAgreementDoesNotLinkIsCode4() {
        fixtures.enrollments.replace(777, List.of());

        assertThat(service.addAttendance(AGREEMENT_ID, document(888, DAY)).code())
                .isEqualTo(3);
        assertThat(service.addAttendance(AGREEMENT_ID, document(777, DAY)).code())
                .isEqualTo(4);
        assertThat(service.report(AGREEMENT_ID, 777, "1").code()).isEqualTo(4);
    }

    @Test
    void aSubmissionCodeOfAnotherSchoolDoesNotExistForThisOne() {
        fixtures.agreements.put(new cl.aula.sige.simulator.agreement.Agreement(AGREEMENT_ID, 3, "T", Set.of(RBD, 2)));
        SigeAnswer accepted = service.addAttendance(
                AGREEMENT_ID,
                document(RBD, DAY, course("A", List.of(ANA), List.of()), course("B", List.of(CARLA), List.of())));

        SigeAnswer report = service.report(AGREEMENT_ID, 2, accepted.submissionCode());

        assertThat(report.code()).isEqualTo(3);
        assertThat(report.messages()).containsExactly("CODIGO DE ENVIO NO EXISTE.");
    }

    @Test
    void theProcessingDelayGrowsWithTheQueue() {
        fixtures.faults.replace(new FaultSettings(0, 0, 0, 0, 0, 1_000, 250, 1_800, 42, 0, 0));
        var day = document(RBD, DAY, course("A", List.of(ANA), List.of()), course("B", List.of(CARLA), List.of()));

        for (int i = 0; i < 4; i++) {
            assertThat(service.addAttendance(AGREEMENT_ID, day).code()).isEqualTo(1);
        }

        assertThat(worker.delaysMs).containsExactly(1_000L, 1_250L, 1_500L, 1_750L);
        assertThat(service.queuedSubmissions()).isEqualTo(4);
    }

    @Test
    void resetForgetsSubmissionsAndAttendance() {
        SigeAnswer accepted = service.addAttendance(
                AGREEMENT_ID,
                document(RBD, DAY, course("A", List.of(ANA), List.of()), course("B", List.of(CARLA), List.of())));
        service.processQueued();

        service.reset();

        assertThat(service.submissions(null)).isEmpty();
        assertThat(service.storedStudentDays()).isZero();
        assertThat(service.report(AGREEMENT_ID, RBD, accepted.submissionCode()).code())
                .isEqualTo(3);
    }

    /** A real single-thread worker that also records the delays it was given. */
    private static final class RecordingWorker extends ScheduledThreadPoolExecutor {

        final List<Long> delaysMs = new CopyOnWriteArrayList<>();

        RecordingWorker() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMs.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    }
}
