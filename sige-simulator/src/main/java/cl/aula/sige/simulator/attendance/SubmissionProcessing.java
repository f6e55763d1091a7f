package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.enrollment.CourseKey;
import cl.aula.sige.simulator.enrollment.EnrolledStudent;
import cl.aula.sige.simulator.enrollment.Run;
import cl.aula.sige.simulator.enrollment.SchoolEnrollment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What SIGE does with an accepted submission when its turn comes: it compares every course with
 * the enrolment it holds for that date.
 *
 * <ul>
 *   <li>An enrolled student missing from both lists is FALTANTE: the submission is rejected (code
 *       3) and nothing is stored.
 *   <li>A RUN sent that is not enrolled in that course on that date is an observation, RETIRADO O
 *       NO MATRICULADO (code 2); the rest is stored.
 *   <li>Otherwise code 1 and everything is stored.
 * </ul>
 *
 * A course of that grade that was not sent at all has all its enrolled students FALTANTE.
 */
final class SubmissionProcessing {

    private SubmissionProcessing() {}

    static Outcome process(
            String submissionCode, AttendanceDocument document, Optional<SchoolEnrollment> school, Instant now) {
        if (school.isEmpty()) {
            return new Outcome(
                    SigeAnswer.withMessage(SigeMessages.REJECTED, SigeMessages.NO_SERVICE_MESSAGE), List.of());
        }
        Map<String, SentCourse> sent = new LinkedHashMap<>();
        document.courses().forEach(c -> sent.put(CourseKey.normalizeLetter(c.letter()), c));
        Set<String> letters = new TreeSet<>(school.get().letters(document.teachingTypeCode(), document.gradeCode()));
        letters.addAll(sent.keySet());

        List<String> missing = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        List<StoredCourse> stored = new ArrayList<>();
        for (String letter : letters) {
            CourseKey course = new CourseKey(document.teachingTypeCode(), document.gradeCode(), letter);
            List<EnrolledStudent> enrolled = school.get().enrolledOn(course, document.date());
            SentCourse sentCourse = sent.get(letter);
            if (sentCourse == null) {
                enrolled.forEach(
                        s -> missing.add(SigeMessages.missing(letter, s.run().numero())));
                continue;
            }
            Set<Integer> enrolledNumbers = new HashSet<>();
            enrolled.forEach(s -> enrolledNumbers.add(s.run().numero()));
            Set<Integer> sentNumbers = new HashSet<>();
            DocumentValidation.allRuns(sentCourse).forEach(r -> sentNumbers.add(r.numero()));
            for (EnrolledStudent student : enrolled) {
                if (!sentNumbers.contains(student.run().numero())) {
                    missing.add(SigeMessages.missing(letter, student.run().numero()));
                }
            }
            for (Run run : DocumentValidation.allRuns(sentCourse)) {
                if (!enrolledNumbers.contains(run.numero())) {
                    observations.add(SigeMessages.notEnrolled(letter, run.numero()));
                }
            }
            stored.add(new StoredCourse(
                    document.teachingTypeCode(),
                    document.gradeCode(),
                    letter,
                    onlyEnrolled(sentCourse.present(), enrolledNumbers),
                    onlyEnrolled(sentCourse.absent(), enrolledNumbers),
                    submissionCode,
                    now));
        }

        if (!missing.isEmpty()) {
            List<String> messages = new ArrayList<>(missing);
            messages.addAll(observations);
            return new Outcome(
                    SigeAnswer.withMessages(SigeMessages.REJECTED, SigeMessages.TITLE_ERRORS, messages), List.of());
        }
        if (!observations.isEmpty()) {
            return new Outcome(
                    SigeAnswer.withMessages(
                            SigeMessages.PROCESSED_WITH_OBSERVATIONS, SigeMessages.TITLE_OBSERVATIONS, observations),
                    stored);
        }
        return new Outcome(SigeAnswer.withMessages(SigeMessages.PROCESSED, null, List.of()), stored);
    }

    private static List<Run> onlyEnrolled(List<Run> runs, Set<Integer> enrolledNumbers) {
        return runs.stream()
                .filter(r -> enrolledNumbers.contains(r.numero()))
                .map(Run::normalized)
                .toList();
    }

    /** The report of a processed submission, and what SIGE stores from it (nothing when rejected). */
    record Outcome(SigeAnswer report, List<StoredCourse> stored) {

        boolean storesAttendance() {
            return report.code() != SigeMessages.REJECTED;
        }
    }
}
