package cl.aula.sige.simulator.enrollment;

import cl.aula.sige.simulator.InvalidControlRequestException;
import cl.aula.sige.simulator.Resettable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The enrolment SIGE holds per school (RBD without check digit). A school SIGE holds an enrolment
 * for, even an empty one, is a school SIGE knows; any other has no service (answer code 3).
 */
@Component
public class EnrollmentRegistry implements Resettable {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentRegistry.class);

    private final Map<Integer, SchoolEnrollment> schools = new ConcurrentHashMap<>();

    /**
     * Replaces what SIGE believes is enrolled in school {@code rbd}.
     *
     * @throws InvalidControlRequestException naming every entry that SIGE could not hold
     */
    public void replace(int rbd, List<EnrolledStudent> students) {
        List<String> problems = new ArrayList<>();
        if (rbd <= 0) {
            problems.add("rbd must be a positive number without check digit");
        }
        List<EnrolledStudent> normalized = new ArrayList<>(students.size());
        for (int i = 0; i < students.size(); i++) {
            EnrolledStudent student = students.get(i);
            List<String> entryProblems = problemsOf(student);
            int index = i;
            entryProblems.forEach(p -> problems.add("entry " + index + ": " + p));
            if (entryProblems.isEmpty()) {
                normalized.add(new EnrolledStudent(
                        student.run().normalized(),
                        student.teachingTypeCode(),
                        student.gradeCode(),
                        CourseKey.normalizeLetter(student.letter()),
                        student.enrolledOn(),
                        student.withdrawnOn()));
            } else {
                normalized.add(student);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidControlRequestException(problems);
        }

        schools.put(rbd, new SchoolEnrollment(rbd, normalized));
        log.info("Enrollment of school {} replaced: {} enrolments", rbd, normalized.size());
    }

    private static List<String> problemsOf(EnrolledStudent student) {
        List<String> problems = new ArrayList<>();
        if (student == null) {
            return List.of("is empty");
        }
        if (student.run() == null) {
            problems.add("run is required");
        } else if (!student.run().hasValidCheckDigit()) {
            problems.add("run " + student.run().numero() + "-" + student.run().dv() + " has a wrong check digit");
        }
        if (student.teachingTypeCode() <= 0) {
            problems.add("teachingTypeCode is required");
        }
        if (student.gradeCode() <= 0) {
            problems.add("gradeCode is required");
        }
        if (student.letter() == null || student.letter().isBlank()) {
            problems.add("letter is required");
        }
        if (student.enrolledOn() == null) {
            problems.add("enrolledOn is required");
        } else if (student.withdrawnOn() != null && !student.withdrawnOn().isAfter(student.enrolledOn())) {
            problems.add("withdrawnOn must be after enrolledOn");
        }
        return problems;
    }

    /** The enrolment of school {@code rbd}, if SIGE knows the school. */
    public Optional<SchoolEnrollment> school(int rbd) {
        return Optional.ofNullable(schools.get(rbd));
    }

    /** Forgets school {@code rbd}: SIGE no longer offers it the service. */
    public boolean forget(int rbd) {
        boolean known = schools.remove(rbd) != null;
        if (known) {
            log.info("School {} forgotten", rbd);
        }
        return known;
    }

    /**
     * Whether SIGE has a record (ficha) for the RUN with this number: ours, it has when the RUN
     * appears in any enrolment of any school it holds, on any date.
     */
    public boolean hasRecordOf(int numero) {
        return schools.values().stream().anyMatch(s -> s.hasRun(numero));
    }

    @Override
    public void reset() {
        schools.clear();
    }
}
