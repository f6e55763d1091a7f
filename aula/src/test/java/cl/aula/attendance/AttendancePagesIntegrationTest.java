package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import cl.aula.security.StaffAccounts;
import cl.aula.security.StaffPrincipal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The take-attendance, history, calendar and timetable pages, as a teacher and a director use them. */
@AulaIntegrationTest
class AttendancePagesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    AttendanceRegisters registers;

    @Autowired
    SchoolCalendar calendar;

    @Autowired
    Timetable timetable;

    Fixture fixture;
    LocalDate day;
    StaffPrincipal teacher;
    StaffPrincipal director;

    @BeforeEach
    void aFixtureSchool() {
        AttendanceFixtures fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(3);
        day = fixtures.lastSchoolDay();
        teacher = fixture.teacherPrincipal();
        director = accounts.loadUserByUsername(fixture.director());
    }

    @Test
    void theTakeAttendancePagePresetsEveryonePresent() throws Exception {
        String page = page(get("/cursos/" + fixture.course().id() + "/asistencia?fecha=" + day + "&hora=2"), teacher);

        assertThat(page).contains("2ª hora del", "hora de subvención", "Guardar asistencia");
        for (Long student : fixture.students()) {
            assertThat(page).containsPattern("name=\"estado-" + student + "\" value=\"PRESENT\" checked");
        }
    }

    @Test
    void savingTheFormRecordsTheRegisterAndCorrectingItNeedsAReason() throws Exception {
        String url = "/cursos/" + fixture.course().id() + "/asistencia";
        List<Long> s = fixture.students();

        mvc.perform(form(post(url), teacher, "fecha", day.toString(), "hora", "2", "version", "0")
                        .param("estado-" + s.get(0), "ABSENT")
                        .param("estado-" + s.get(1), "LATE")
                        .param("estado-" + s.get(2), "PRESENT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("1 ausentes")));
        String refused = page(
                form(post(url), teacher, "fecha", day.toString(), "hora", "2", "version", "1")
                        .param("estado-" + s.get(0), "PRESENT")
                        .param("estado-" + s.get(1), "LATE")
                        .param("estado-" + s.get(2), "PRESENT"),
                null);

        assertThat(refused).contains("motivo de la corrección", "No se guardó ningún cambio");
        assertThat(registers.find(fixture.course().id(), day, 2).orElseThrow().version())
                .isEqualTo(1);
        mvc.perform(form(post(url), teacher, "fecha", day.toString(), "hora", "2", "version", "1")
                        .param("estado-" + s.get(0), "PRESENT")
                        .param("estado-" + s.get(1), "LATE")
                        .param("estado-" + s.get(2), "PRESENT")
                        .param("motivo", "Estaba en el baño"))
                .andExpect(status().is3xxRedirection());
        String history = page(
                get("/cursos/" + fixture.course().id() + "/asistencia/historial?fecha=" + day + "&hora=2"), teacher);
        assertThat(history).contains("Estaba en el baño", "Registro original", fixture.teacher());
    }

    @Test
    void theTakeAttendancePageExplainsWhyNoAttendanceIsTakenOnASunday() throws Exception {
        LocalDate sunday = day.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));

        String page = page(get("/cursos/" + fixture.course().id() + "/asistencia?fecha=" + sunday), teacher);

        assertThat(page).contains("es domingo").doesNotContain("Guardar asistencia");
    }

    @Test
    void theMonthlyGridIsPrintableAndFlagsMissingRegisters() throws Exception {
        YearMonth lastMonth = YearMonth.from(day).minusMonths(1);

        String page = page(get("/cursos/" + fixture.course().id() + "/control-subvenciones?mes=" + lastMonth), teacher);

        assertThat(page).contains("Control de Subvenciones", "Imprimir", "Faltan registros", "class=\"missing\"");
    }

    @Test
    void pagesOfAnotherSchoolAreNotFound() throws Exception {
        StaffPrincipal demoTeacher = accounts.loadUserByUsername("profesor");
        long course = fixture.course().id();

        for (String url : List.of(
                "/cursos/" + course + "/asistencia",
                "/cursos/" + course + "/control-subvenciones",
                "/cursos/" + course + "/horario",
                "/escuelas/" + fixture.school().rbdText() + "/calendario")) {
            mvc.perform(get(url).with(user(demoTeacher))).andExpect(status().isNotFound());
        }
    }

    @Test
    void theDirectorRecordsAHolidayWithItsReasonAndATeacherMayNot() throws Exception {
        String url = "/escuelas/" + fixture.school().rbdText() + "/calendario";
        LocalDate holiday = AttendanceFixtures.weekdayOnOrBefore(day.minusDays(8));

        mvc.perform(form(post(url), director, "fecha", holiday.toString(), "tipo", "HOLIDAY", "motivo", "Paro"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("message"));
        mvc.perform(form(post(url), teacher, "fecha", day.toString(), "tipo", "SUSPENSION", "motivo", "Corte de luz"))
                .andExpect(status().isForbidden());

        assertThat(calendar.day(fixture.year(), holiday).whyNot()).contains("feriado (Paro)");
        assertThat(page(get(url), teacher)).contains("Paro").doesNotContain("Retirar");
    }

    @Test
    void theDirectorReplacesTheTimetable() throws Exception {
        String url = "/cursos/" + fixture.course().id() + "/horario";

        mvc.perform(form(
                                post(url),
                                director,
                                "inicio-1",
                                "08:00",
                                "fin-1",
                                "08:45",
                                "dia-1",
                                "MONDAY",
                                "inicio-2",
                                "08:50",
                                "fin-2",
                                "09:35")
                        .param("dia-2", "MONDAY", "TUESDAY"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("3 horas")));

        assertThat(timetable.week(fixture.course().id())).hasSize(3);
        assertThat(timetable.hoursOn(fixture.course().id(), DayOfWeek.TUESDAY))
                .singleElement()
                .extracting(ClassHour::hour)
                .isEqualTo(2);
    }

    private MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, StaffPrincipal who, String... params) {
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.with(csrf()).with(user(who == null ? teacher : who));
    }

    private String page(MockHttpServletRequestBuilder request, StaffPrincipal who) throws Exception {
        if (who != null) {
            request.with(user(who));
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
