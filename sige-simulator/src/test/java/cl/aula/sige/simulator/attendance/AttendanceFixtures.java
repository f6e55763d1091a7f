package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.agreement.Agreement;
import cl.aula.sige.simulator.agreement.AgreementRegistry;
import cl.aula.sige.simulator.calendar.DeclarationCalendar;
import cl.aula.sige.simulator.clock.SimulatorClock;
import cl.aula.sige.simulator.enrollment.EnrolledStudent;
import cl.aula.sige.simulator.enrollment.EnrollmentRegistry;
import cl.aula.sige.simulator.enrollment.Run;
import cl.aula.sige.simulator.fault.FaultInjector;
import cl.aula.sige.simulator.fault.FaultSettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** An attendance service wired by hand, without Spring, and the documents tests send it. */
final class AttendanceFixtures {

    static final int AGREEMENT_ID = 4;

    final EnrollmentRegistry enrollments = new EnrollmentRegistry();
    final AgreementRegistry agreements = new AgreementRegistry();
    final DeclarationCalendar calendar = new DeclarationCalendar();
    final FaultInjector faults = new FaultInjector();
    final SimulatorClock clock = new SimulatorClock();
    final AttendanceService service;

    AttendanceFixtures(ScheduledExecutorService worker, Set<Integer> rbds) {
        clock.fixAt(OffsetDateTime.parse("2026-03-20T12:00:00-03:00").toInstant());
        // Processing waits until a test asks for it.
        faults.replace(new FaultSettings(0, 0, 0, 0, 0, 3_600_000, 0, 1_800, 42, 0, 0));
        agreements.put(new Agreement(AGREEMENT_ID, 3, "T", rbds));
        service = new AttendanceService(enrollments, agreements, calendar, faults, clock, worker);
    }

    static EnrolledStudent student(int numero, String letter, LocalDate from, LocalDate until) {
        return new EnrolledStudent(Run.of(numero), 110, 1, letter, from, until);
    }

    static AttendanceDocument document(int rbd, LocalDate date, SentCourse... courses) {
        return new AttendanceDocument(date.getYear(), rbd, 110, 1, date, List.of(courses));
    }

    static SentCourse course(String letter, List<Run> present, List<Run> absent) {
        return new SentCourse(letter, present, absent);
    }
}
