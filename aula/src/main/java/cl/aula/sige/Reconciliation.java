package cl.aula.sige;

import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.EnrolledStudent;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The pre-flight review (Revisión previa): students SIGE does not know or will miss, grouped by
 * likely cause, each with what to do and where. Derived on read from the identifier check's answers
 * and from the messages of SIGE's latest reports.
 */
@Service
public class Reconciliation {

    public enum Kind {
        UNKNOWN_TO_SIGE,
        PROVISIONAL_ID,
        INVALID_ID,
        MISSING_IN_AULA
    }

    public record Problem(Long studentId, Long courseId, Kind kind, String detail, String guidance, String fixUrl) {}

    private final Directory directory;
    private final IdentifierChecks checks;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reconciliation(Directory directory, IdentifierChecks checks, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.checks = checks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Problem> problems(School school) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Map<Long, Integer> answers = checks.answers(school.id());
        for (IdentifierChecks.CheckedStudent entry : checks.studentsToCheck(school)) {
            EnrolledStudent student = entry.student();
            Course course = entry.course();
            if (student.identifier() == null) {
                add(
                        problems,
                        new Problem(
                                student.studentId(),
                                course.id(),
                                Kind.INVALID_ID,
                                student.fullName() + " (" + course.name() + ") no tiene RUN ni IPE vigente.",
                                "Registre su RUN o IPE en su ficha: sin él no se puede enviar su asistencia.",
                                studentFix(student.studentId())));
                continue;
            }
            Integer code = answers.get(student.studentId());
            if (code == null || code == 1 || code == 2) {
                continue;
            }
            add(
                    problems,
                    identifierProblem(student, course, code == 5, "SIGE no tiene registro de este identificador."));
        }
        reportProblems(school, problems);
        return List.copyOf(problems.values());
    }

    private Problem identifierProblem(EnrolledStudent student, Course course, boolean invalid, String why) {
        String who = student.fullName() + " (" + course.name() + ", "
                + student.identifier().type() + " " + student.identifier().run().formatted() + "): ";
        if (invalid) {
            return new Problem(
                    student.studentId(),
                    course.id(),
                    Kind.INVALID_ID,
                    who + "SIGE dice que el RUN no es válido.",
                    "Compare el número con su cédula o certificado de nacimiento y corrija el identificador.",
                    studentFix(student.studentId()));
        }
        if (student.identifier().type() == IdentifierType.IPE) {
            return new Problem(
                    student.studentId(),
                    course.id(),
                    Kind.PROVISIONAL_ID,
                    who + why,
                    "Tiene un IPE (identificador provisorio). Probablemente ya tiene RUN definitivo: búsquelo (ficha de "
                            + "matrícula, familia o SIGE) y corrija el identificador indicando el motivo.",
                    studentFix(student.studentId()));
        }
        return new Problem(
                student.studentId(),
                course.id(),
                Kind.UNKNOWN_TO_SIGE,
                who + why,
                "Revise que el RUN esté bien escrito comparándolo con su cédula y corríjalo; si está bien, "
                        + "su matrícula debe regularizarse en SIGE.",
                studentFix(student.studentId()));
    }

    /** Students SIGE named in the latest report of each grade-day that are still a problem today. */
    private void reportProblems(School school, Map<String, Problem> problems) {
        record Named(LocalDate date, int type, int grade, String kind, String letter, int run) {}
        List<Named> named = jdbc.sql("""
                        select s.date, s.teaching_type_code, s.grade_code, m.kind, m.course_letter, m.run_number
                        from (select distinct on (date, teaching_type_code, grade_code) * from sige_submission
                              where school_id = ? and date >= ? order by date, teaching_type_code, grade_code, id desc) s
                        join sige_message m on m.submission_id = s.id
                        where m.run_number is not null and m.kind in ('MISSING_STUDENT', 'UNKNOWN_RUN')
                        order by s.date""")
                .params(school.id(), LocalDate.now(clock).minusMonths(2))
                .query((rs, n) -> new Named(
                        rs.getObject(1, LocalDate.class),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)))
                .list();
        for (Named message : named) {
            Optional<Course> course = directory.courses(school.id()).stream()
                    .filter(c -> c.teachingTypeCode() == message.type() && c.gradeCode() == message.grade())
                    .filter(c -> c.letter().equals(message.letter()))
                    .filter(c ->
                            directory.schoolYear(c.schoolYearId()).orElseThrow().contains(message.date()))
                    .findFirst();
            if (course.isEmpty()) {
                continue;
            }
            Optional<EnrolledStudent> enrolled = directory
                    .studentsEnrolled(course.get().id(), message.date())
                    .stream()
                    .filter(s -> s.identifier() != null && s.identifier().run().number() == message.run())
                    .findFirst();
            String when = message.date().format(PayloadBuilder.DAY);
            if (message.kind().equals("MISSING_STUDENT") && enrolled.isEmpty()) {
                Optional<Long> known = studentWithRun(school, message.run());
                String fix =
                        known.map(Reconciliation::studentFix).orElse("/escuelas/" + school.rbdText() + "/importar");
                String detail = known.isPresent()
                        ? "SIGE tiene matriculado en " + course.get().name() + " el " + when + " al RUN "
                                + message.run()
                                + ", que en Aula no está matriculado en ese curso ese día (retirado o con otra fecha)."
                        : "SIGE tiene matriculado en " + course.get().name() + " el " + when + " al RUN "
                                + message.run() + ", que Aula no tiene.";
                String guidance = known.isPresent()
                        ? "Si el retiro o la fecha de Aula son correctos, la matrícula debe regularizarse en SIGE; si no, "
                                + "corrija la matrícula en Aula y vuelva a enviar."
                        : "Si el alumno asiste, impórtelo con su RUN (Importar alumnos), tómele la asistencia y vuelva a "
                                + "enviar; si se retiró, la matrícula debe cerrarse en SIGE.";
                add(
                        problems,
                        new Problem(
                                known.orElse(null), course.get().id(), Kind.MISSING_IN_AULA, detail, guidance, fix));
            } else if (message.kind().equals("UNKNOWN_RUN") && enrolled.isPresent()) {
                add(
                        problems,
                        identifierProblem(
                                enrolled.get(),
                                course.get(),
                                false,
                                "SIGE respondió RETIRADO O NO MATRICULADO al enviar el " + when + "."));
            }
        }
    }

    private Optional<Long> studentWithRun(School school, int run) {
        return jdbc.sql("""
                        select i.student_id from student_identifier i join student s on s.id = i.student_id
                        where s.school_id = ? and i.number = ? and not i.superseded order by i.valid_from desc limit 1""").params(school.id(), run).query(Long.class).optional();
    }

    private static void add(Map<String, Problem> problems, Problem problem) {
        String key = (problem.studentId() == null
                        ? problem.detail()
                        : problem.studentId().toString()) + ":" + problem.kind();
        problems.putIfAbsent(key, problem);
    }

    private static String studentFix(long studentId) {
        return "/alumnos/" + studentId + "#corregir";
    }
}
