package cl.aula.demo;

import cl.aula.common.Run;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import cl.aula.sige.Agreements;
import cl.aula.sige.SimulatorControl;
import cl.aula.sige.SimulatorLauncher;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets the scene in the simulator Aula started: the demo agreement, and what "SIGE believes" is
 * enrolled in the demo school, with two deliberate mismatches so that the failures users meet most
 * can be seen and fixed in the demo:
 * <ul>
 *   <li>SIGE has a student in 1° Básico A whom Aula lacks ({@link #MISSING_IN_AULA}): FALTANTE;
 *   <li>the first IPE student of 1° Básico B is known to SIGE by a definitive RUN
 *       ({@link #definitiveRunOf}): RETIRADO O NO MATRICULADO until the identifier is corrected.
 * </ul>
 * The simulator keeps everything in memory, so this runs on every start.
 */
@Component
@Order(10)
public class SigeDemo implements ApplicationRunner {

    public static final int AGREEMENT_ID = 5001;
    public static final String TOKEN = "aula-demo-convenio-token";
    public static final Run MISSING_IN_AULA = new Run(27_000_001, Run.checkDigitOf(27_000_001));

    private static final Logger log = LoggerFactory.getLogger(SigeDemo.class);

    private final DemoData demo;
    private final Directory directory;
    private final Agreements agreements;
    private final SimulatorLauncher launcher;
    private final Clock clock;
    private final int clientId;

    SigeDemo(
            DemoData demo,
            Directory directory,
            Agreements agreements,
            SimulatorLauncher launcher,
            Clock clock,
            @Value("${aula.sige.client-id}") int clientId) {
        this.demo = demo;
        this.directory = directory;
        this.agreements = agreements;
        this.launcher = launcher;
        this.clock = clock;
        this.clientId = clientId;
    }

    /** The RUN under which SIGE knows a demo student whom Aula knows by a provisional IPE. */
    public static Run definitiveRunOf(Run ipe) {
        int number = 26_000_000 + ipe.number() % 1_000_000;
        return new Run(number, Run.checkDigitOf(number));
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<School> school = directory.schoolByRbd(String.valueOf(DemoData.DEMO_RBD));
        Optional<SimulatorControl> control = launcher.control();
        if (!demo.isEnabled() || school.isEmpty() || control.isEmpty()) {
            return;
        }
        if (agreements.find(school.get().id()).isEmpty()) {
            agreements.save(school.get().id(), AGREEMENT_ID, TOKEN, true, "demo");
        }
        if (!launcher.awaitReady(Duration.ofSeconds(90))) {
            log.warn("The SIGE simulator did not start in time; the demo's SIGE scene was not set");
            return;
        }
        seed(control.get(), school.get());
    }

    /** Tells the simulator what SIGE believes about the demo school, from the class book plus the mismatches. */
    public void seed(SimulatorControl control, School school) {
        control.putAgreement(AGREEMENT_ID, clientId, TOKEN, List.of(school.rbd(), DemoData.SECOND_RBD));
        control.putEnrollment(school.rbd(), believedEnrollment(school, true));
        log.info("The SIGE simulator was given the demo school's enrolment, with two deliberate mismatches");
    }

    /** Aula's enrolment of the demo school's current year as SIGE would hold it, with or without the mismatches. */
    public List<SimulatorControl.Enrolled> believedEnrollment(School school, boolean mismatches) {
        return believedEnrollment(school, mismatches, LocalDate.now(clock));
    }

    /** As SIGE would hold it on a date: each student under the identifier valid that date. */
    public List<SimulatorControl.Enrolled> believedEnrollment(School school, boolean mismatches, LocalDate today) {
        Map<Integer, SimulatorControl.Enrolled> byRun = new LinkedHashMap<>();
        boolean ipeSwapped = false;
        long currentYear =
                directory.schoolYearOn(school.id(), today).orElseThrow().id();
        for (Course course : directory.courses(school.id())) {
            if (course.schoolYearId() != currentYear) {
                continue;
            }
            LocalDate yearStart =
                    directory.schoolYear(course.schoolYearId()).orElseThrow().startsOn();
            List<EnrolledStudent> students =
                    new ArrayList<>(directory.studentsEnrolledBetween(course.id(), yearStart, today));
            for (EnrolledStudent student : students) {
                if (student.identifier() == null) {
                    continue;
                }
                Run run = student.identifier().run();
                boolean swap = mismatches
                        && !ipeSwapped
                        && student.identifier().type() == IdentifierType.IPE
                        && course.gradeCode() == 1
                        && course.letter().equals("B");
                if (swap) {
                    run = definitiveRunOf(run);
                    ipeSwapped = true;
                }
                byRun.put(run.number(), enrolled(run, course, student.enrolledOn(), student.withdrawnOn()));
            }
            if (mismatches
                    && course.teachingTypeCode() == 110
                    && course.gradeCode() == 1
                    && course.letter().equals("A")) {
                byRun.putIfAbsent(MISSING_IN_AULA.number(), enrolled(MISSING_IN_AULA, course, yearStart, null));
            }
        }
        return List.copyOf(byRun.values());
    }

    private static SimulatorControl.Enrolled enrolled(Run run, Course course, LocalDate from, LocalDate until) {
        return new SimulatorControl.Enrolled(
                run.number(), run.dv(), course.teachingTypeCode(), course.gradeCode(), course.letter(), from, until);
    }
}
