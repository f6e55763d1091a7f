package cl.aula.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.aula.AulaIntegrationTest;
import cl.aula.common.Run;
import cl.aula.security.StaffAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@AulaIntegrationTest
class RosterImportIntegrationTest {

    static final String HEADER = "tipo,identificador,nombres,apellido_paterno,apellido_materno,curso,fecha_matricula\n";

    @Autowired
    RosterImport rosterImport;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Test
    void importsAGoodFileInOneGoAndImportingItAgainChangesNothing() {
        Run first = fixtures.unusedRun();
        Run second = fixtures.unusedRun();
        String file = HEADER
                + "RUN," + first.formatted() + ",Ana María,Pérez,Soto,1° Básico A," + today() + "\n"
                + "IPE," + second.plain() + ",\"Jean, Pierre\",Joseph,,110-1-B," + today() + "\n";
        long studentsBefore = count("student");

        RosterImport.Outcome outcome = importText(file);
        RosterImport.Outcome again = importText(file);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.enrolled()).isEqualTo(2);
        assertThat(again.problems()).isEmpty();
        assertThat(again.created()).isZero();
        assertThat(again.enrolled()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(count("student")).isEqualTo(studentsBefore + 2);
    }

    @Test
    void acceptsSemicolonsAndTheChileanDateFormat() {
        Run run = fixtures.unusedRun();
        String date = today().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        String file = HEADER.replace(',', ';') + "RUN;" + run.plain() + ";Luis;Soto;Vera;1° Básico A;" + date + "\n";

        assertThat(importText(file).problems()).isEmpty();
    }

    @Test
    void oneBadRowRejectsTheWholeFileListingEveryRowAndReason() {
        Run good = fixtures.unusedRun();
        String file = HEADER
                + "RUN," + good.plain() + ",Ana,Pérez,Soto,1° Básico A," + today() + "\n"
                + "RUN,12.345.678-9,Luis,Soto,Vera,1° Básico A," + today() + "\n"
                + "RUN," + fixtures.unusedRun().plain() + ",Eva,Mora,Ríos,9° Básico Z," + today() + "\n"
                + "DNI," + fixtures.unusedRun().plain() + ",Eva,Mora,Ríos,1° Básico A,ayer\n"
                + "RUN," + good.plain() + ",Ana,Pérez,Soto,1° Básico A," + today() + "\n";
        long before = count("student");

        RosterImport.Outcome outcome = importText(file);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.problems())
                .containsExactly(
                        "Fila 3: El dígito verificador de 12.345.678-9 no corresponde: para ese número debería ser 12.345.678-5.",
                        "Fila 4: el curso «9° Básico Z» no existe en este establecimiento.",
                        "Fila 5: el tipo «DNI» no es válido; use RUN o IPE.",
                        "Fila 5: la fecha de matrícula «ayer» no es válida; use AAAA-MM-DD o DD-MM-AAAA.",
                        "Fila 6: el RUN " + good.formatted() + " ya aparece en la fila 2.");
        assertThat(count("student")).isEqualTo(before);
    }

    @Test
    void refusesAStudentAlreadyEnrolledThisYearInAnotherCourse() {
        Run run = fixtures.unusedRun();
        importText(HEADER + "RUN," + run.plain() + ",Ana,Pérez,Soto,1° Básico A," + today() + "\n");

        RosterImport.Outcome outcome =
                importText(HEADER + "RUN," + run.plain() + ",Ana,Pérez,Soto,2° Básico A," + today() + "\n");

        assertThat(outcome.problems()).singleElement().asString().contains("ya está matriculado este año");
    }

    @Test
    void refusesWrongColumns() {
        RosterImport.Outcome outcome = importText("rut,nombre\n12345678-5,Ana\n");

        assertThat(outcome.problems())
                .singleElement()
                .asString()
                .startsWith("Las columnas del archivo no son las esperadas");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = (HEADER + "RUN,12345678-5,José,Núñez,Soto,1° Básico A,2026-03-01\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        RosterImport.Outcome outcome = rosterImport.importFile(fixtures.demoSchool(), latin1, "test");

        assertThat(outcome.problems()).singleElement().asString().startsWith("El archivo no está en UTF-8");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderOnlyFile() {
        assertThat(importText("").problems()).singleElement().asString().startsWith("El archivo está vacío");
        assertThat(importText(HEADER).problems()).singleElement().asString().contains("solo trae el encabezado");
    }

    @Test
    void refusesA50MegabyteUploadWithASpanishMessage() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];
        var file = new MockMultipartFile("archivo", "grande.csv", "text/csv", big);

        var result = mvc.perform(multipart("/escuelas/24680-8/importar")
                        .file(file)
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("director"))))
                .andReturn();

        // MockMvc does not apply the servlet container's multipart limit, so the controller guards too.
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentAsString()).contains("El archivo es demasiado grande");
    }

    @Test
    void aTeacherCannotImport() throws Exception {
        var file = new MockMultipartFile("archivo", "a.csv", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/escuelas/24680-8/importar")
                        .file(file)
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("profesor"))))
                .andExpect(status().isForbidden());
    }

    private RosterImport.Outcome importText(String text) {
        return rosterImport.importFile(fixtures.demoSchool(), text.getBytes(StandardCharsets.UTF_8), "test");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
