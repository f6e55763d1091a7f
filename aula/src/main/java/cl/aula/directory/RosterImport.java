package cl.aula.directory;

import cl.aula.common.Run;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a school's students from a CSV file. Every row is checked before anything is written; one
 * bad row rejects the whole file, with every problem listed by row number. A good file is applied in
 * one transaction, and importing it again changes nothing.
 */
@Service
public class RosterImport {

    static final List<String> COLUMNS = List.of(
            "tipo", "identificador", "nombres", "apellido_paterno", "apellido_materno", "curso", "fecha_matricula");
    static final int MAX_ROWS = 20_000;
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);
    private static final DateTimeFormatter CHILEAN_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private final Directory directory;
    private final DirectoryRecords records;

    RosterImport(Directory directory, DirectoryRecords records) {
        this.directory = directory;
        this.records = records;
    }

    /** What an import did, or every reason it did nothing. */
    public record Outcome(List<String> problems, int created, int enrolled, int unchanged) {

        static Outcome refused(List<String> problems) {
            return new Outcome(List.copyOf(problems), 0, 0, 0);
        }

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private record Row(
            int number,
            IdentifierType type,
            Run run,
            String givenNames,
            String paternalSurname,
            String maternalSurname,
            Course course,
            LocalDate enrolledOn) {}

    @Transactional
    public Outcome importFile(School school, byte[] content, String importedBy) {
        Optional<String> text = decode(content);
        if (text.isEmpty()) {
            return Outcome.refused(List.of(
                    "El archivo no está en UTF-8. En Excel, guárdelo como «CSV UTF-8 (delimitado por comas)»."));
        }
        List<String> lines = text.get().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return Outcome.refused(
                    List.of("El archivo está vacío: debe tener una fila de encabezado y una fila por alumno."));
        }
        char separator = lines.get(0).contains(";") ? ';' : ',';
        List<String> header = split(lines.get(0), separator).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.equals(COLUMNS)) {
            return Outcome.refused(List.of("Las columnas del archivo no son las esperadas. La primera fila debe ser: "
                    + String.join(",", COLUMNS) + "."));
        }
        if (lines.size() == 1) {
            return Outcome.refused(List.of("El archivo no tiene alumnos: solo trae el encabezado."));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return Outcome.refused(List.of("El archivo tiene más de " + MAX_ROWS + " alumnos: divídalo en partes."));
        }

        Map<String, Course> courses = coursesByName(school);
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfIdentifier = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int rowNumber = i + 1;
            List<String> cells = split(lines.get(i), separator);
            if (cells.size() != COLUMNS.size()) {
                problems.add("Fila " + rowNumber + ": tiene " + cells.size() + " columnas y deben ser " + COLUMNS.size()
                        + ".");
                continue;
            }
            Optional<Row> row = readRow(rowNumber, cells, school, courses, problems);
            row.ifPresent(valid -> {
                String key = valid.type() + ":" + valid.run().number();
                Integer earlier = firstRowOfIdentifier.putIfAbsent(key, rowNumber);
                if (earlier != null) {
                    problems.add("Fila " + rowNumber + ": el " + valid.type() + " "
                            + valid.run().formatted() + " ya aparece en la fila " + earlier + ".");
                } else {
                    rows.add(valid);
                }
            });
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }

        int created = 0;
        int enrolled = 0;
        int unchanged = 0;
        for (Row row : rows) {
            List<Long> existing = directory.studentsWithIdentifier(
                    school.id(), row.type(), row.run().number());
            long studentId;
            if (existing.isEmpty()) {
                studentId = records.createStudent(
                        school.id(),
                        row.givenNames(),
                        row.paternalSurname(),
                        row.maternalSurname(),
                        row.type(),
                        row.run(),
                        row.enrolledOn(),
                        importedBy);
                created++;
            } else {
                studentId = existing.get(0);
            }
            List<Enrollment> sameYear = directory.enrollmentsOfStudent(studentId).stream()
                    .filter(e -> directory.course(e.courseId()).orElseThrow().schoolYearId()
                            == row.course().schoolYearId())
                    .toList();
            if (sameYear.stream()
                    .anyMatch(e ->
                            e.courseId() == row.course().id() && e.enrolledOn().equals(row.enrolledOn()))) {
                unchanged++;
            } else if (sameYear.stream()
                    .anyMatch(e -> e.withdrawnOn() == null || e.withdrawnOn().isAfter(row.enrolledOn()))) {
                problems.add("Fila " + row.number() + ": el alumno " + row.run().formatted()
                        + " ya está matriculado este año con otra fecha o en otro curso; registre primero su retiro.");
            } else {
                records.enroll(studentId, row.course().id(), row.enrolledOn(), null);
                enrolled++;
            }
        }
        if (!problems.isEmpty()) {
            // Found only while applying: undo everything this file wrote, so the file is all or nothing.
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
            return Outcome.refused(problems);
        }
        log.info(
                "Roster import into school {}: {} students created, {} enrolled, {} unchanged",
                school.id(),
                created,
                enrolled,
                unchanged);
        return new Outcome(List.of(), created, enrolled, unchanged);
    }

    private Optional<Row> readRow(
            int rowNumber, List<String> cells, School school, Map<String, Course> courses, List<String> problems) {
        int before = problems.size();
        String prefix = "Fila " + rowNumber + ": ";
        IdentifierType type = null;
        try {
            type = IdentifierType.valueOf(cells.get(0).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(prefix + "el tipo «" + cells.get(0).strip() + "» no es válido; use RUN o IPE.");
        }
        Run.Parsed run = Run.parse(cells.get(1));
        if (!run.isValid()) {
            problems.add(prefix + run.refusal());
        }
        String givenNames = cells.get(2).strip();
        String paternal = cells.get(3).strip();
        if (givenNames.isEmpty() || paternal.isEmpty()) {
            problems.add(prefix + "faltan los nombres o el apellido paterno.");
        }
        Course course = courses.get(normalise(cells.get(5)));
        if (course == null) {
            problems.add(prefix + "el curso «" + cells.get(5).strip() + "» no existe en este establecimiento.");
        }
        LocalDate enrolledOn = parseDate(cells.get(6).strip());
        if (enrolledOn == null) {
            problems.add(prefix + "la fecha de matrícula «" + cells.get(6).strip()
                    + "» no es válida; use AAAA-MM-DD o DD-MM-AAAA.");
        } else if (course != null) {
            SchoolYear year = directory.schoolYear(course.schoolYearId()).orElseThrow();
            if (!year.contains(enrolledOn)) {
                problems.add(prefix + "la fecha de matrícula " + enrolledOn + " está fuera del año escolar "
                        + year.year() + ".");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Row(
                rowNumber, type, run.get(), givenNames, paternal, cells.get(4).strip(), course, enrolledOn));
    }

    private Map<String, Course> coursesByName(School school) {
        Map<String, Course> byName = new HashMap<>();
        for (Course course : directory.courses(school.id())) {
            // The newest year wins when two years have a course of the same name.
            byName.putIfAbsent(normalise(course.name()), course);
            byName.putIfAbsent(
                    normalise(course.teachingTypeCode() + "-" + course.gradeCode() + "-" + course.letter()), course);
        }
        return byName;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("º", "°").replaceAll("\\s+", " ");
    }

    private static LocalDate parseDate(String text) {
        try {
            return text.contains("-") && text.indexOf('-') == 4
                    ? LocalDate.parse(text)
                    : LocalDate.parse(text, CHILEAN_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<String> decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Splits one CSV line, honouring double quotes as spreadsheet programs write them. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
