package cl.aula.sige;

import cl.aula.common.Run;
import cl.mineduc.dido.archivos.schemas.Curso;
import cl.mineduc.dido.archivos.schemas.Cursos;
import cl.mineduc.dido.archivos.schemas.ListaRun;
import cl.mineduc.dido.archivos.schemas.RecordAsistenciaSige;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exactly what one addAsistencia carries: the subsidy-hour attendance of every course letter of a
 * grade on a date, every enrolled student present or absent under the identifier valid that date.
 * Its canonical text is stored with the submission and hashed into the fingerprint that tells
 * whether the class book changed after SIGE received it.
 */
record Payload(int year, int rbd, GradeDay key, List<CourseAttendance> courses) {

    record CourseAttendance(long courseId, String letter, List<Run> present, List<Run> absent) {

        String canonical() {
            return letter + "|P:" + runs(present) + "|A:" + runs(absent);
        }

        private static String runs(List<Run> runs) {
            return runs.stream()
                    .sorted(Comparator.comparingInt(Run::number))
                    .map(Run::plain)
                    .collect(Collectors.joining(","));
        }
    }

    String canonical() {
        StringBuilder text = new StringBuilder()
                .append(year)
                .append('|')
                .append(rbd)
                .append('|')
                .append(key.teachingTypeCode())
                .append('|')
                .append(key.gradeCode())
                .append('|')
                .append(key.date());
        courses.stream()
                .sorted(Comparator.comparing(CourseAttendance::letter))
                .forEach(course -> text.append('\n').append(course.canonical()));
        return text.toString();
    }

    String fingerprint() {
        return sha256(canonical());
    }

    /** Each course's own fingerprint, so that a change in 1° A does not mark 1° B as modified. */
    Map<Long, String> courseFingerprints() {
        Map<Long, String> prints = new LinkedHashMap<>();
        for (CourseAttendance course : courses) {
            prints.put(course.courseId(), courseFingerprint(key, course));
        }
        return prints;
    }

    static String courseFingerprint(GradeDay key, CourseAttendance course) {
        return sha256(key.date() + "|" + course.canonical());
    }

    RecordAsistenciaSige toRecord() {
        RecordAsistenciaSige record = new RecordAsistenciaSige();
        record.setAnioEscolar(year);
        record.setRBD(rbd);
        record.setCodigoTipoEnsenanza(key.teachingTypeCode());
        record.setCodigoGrado(key.gradeCode());
        record.setFechaAsistencia(key.date());
        Cursos cursos = new Cursos();
        for (CourseAttendance course : courses) {
            Curso curso = new Curso();
            curso.setLetraCurso(course.letter());
            curso.setPresentes(list(course.present()));
            curso.setAusentes(list(course.absent()));
            cursos.getCurso().add(curso);
        }
        record.setCursos(cursos);
        return record;
    }

    private static ListaRun list(List<Run> runs) {
        ListaRun list = new ListaRun();
        for (Run run : runs) {
            cl.mineduc.dido.archivos.schemas.Run sent = new cl.mineduc.dido.archivos.schemas.Run();
            sent.setNumero(run.number());
            sent.setDv(String.valueOf(run.dv()));
            list.getRun().add(sent);
        }
        return list;
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
