package cl.aula.sige.simulator.attendance;

import cl.aula.sige.simulator.calendar.DeclarationCalendar;
import cl.aula.sige.simulator.clock.SimulatorClock;
import cl.aula.sige.simulator.enrollment.CourseKey;
import cl.aula.sige.simulator.enrollment.Run;
import cl.aula.sige.simulator.enrollment.SchoolEnrollment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks addAsistencia makes before it accepts a document (code 2 with every problem found).
 * Whether the students sent are the ones enrolled is not checked here: SIGE finds that out when it
 * processes the submission, hours later.
 */
final class DocumentValidation {

    private final DeclarationCalendar calendar;

    DocumentValidation(DeclarationCalendar calendar) {
        this.calendar = calendar;
    }

    List<String> problemsOf(AttendanceDocument document, SchoolEnrollment school, Instant now) {
        List<String> problems = new ArrayList<>();
        checkDate(document, now, problems);
        if (document.courses().isEmpty()) {
            problems.add(SigeMessages.NO_COURSES);
            return problems;
        }
        Set<String> knownLetters = school.letters(document.teachingTypeCode(), document.gradeCode());
        if (knownLetters.isEmpty()) {
            problems.add(
                    SigeMessages.noCoursesForGrade(document.rbd(), document.teachingTypeCode(), document.gradeCode()));
        }
        Set<String> lettersSeen = new HashSet<>();
        Set<Integer> runsSeen = new HashSet<>();
        for (SentCourse course : document.courses()) {
            checkCourse(document, course, knownLetters, lettersSeen, runsSeen, problems);
        }
        return problems;
    }

    private void checkDate(AttendanceDocument document, Instant now, List<String> problems) {
        LocalDate date = document.date();
        if (document.schoolYear() != date.getYear()) {
            problems.add(SigeMessages.yearMismatch(document.schoolYear(), date));
        }
        if (date.isAfter(LocalDate.ofInstant(now, SimulatorClock.SANTIAGO))) {
            problems.add(SigeMessages.futureDate(date));
        }
        Optional<YearMonth> openMonth = calendar.openMonth(now);
        if (openMonth.isEmpty()) {
            problems.add(SigeMessages.NO_OPEN_MONTH);
        } else if (!openMonth.get().equals(YearMonth.from(date))) {
            problems.add(SigeMessages.outsideOpenMonth(date, openMonth.get()));
        }
    }

    private static void checkCourse(
            AttendanceDocument document,
            SentCourse course,
            Set<String> knownLetters,
            Set<String> lettersSeen,
            Set<Integer> runsSeen,
            List<String> problems) {
        String letter = CourseKey.normalizeLetter(course.letter());
        if (letter == null || letter.isEmpty()) {
            problems.add(SigeMessages.BLANK_LETTER);
            return;
        }
        if (!lettersSeen.add(letter)) {
            problems.add(SigeMessages.repeatedLetter(letter));
        } else if (!knownLetters.isEmpty() && !knownLetters.contains(letter)) {
            problems.add(SigeMessages.unknownCourse(letter, document.teachingTypeCode(), document.gradeCode()));
        }
        Stream.concat(course.present().stream(), course.absent().stream()).forEach(run -> {
            if (!run.hasValidCheckDigit()) {
                problems.add(SigeMessages.wrongCheckDigit(letter, run.numero(), run.dv()));
            } else if (!runsSeen.add(run.numero())) {
                problems.add(SigeMessages.repeatedRun(letter, run.numero()));
            }
        });
    }

    static List<Run> allRuns(SentCourse course) {
        return Stream.concat(course.present().stream(), course.absent().stream())
                .toList();
    }
}
