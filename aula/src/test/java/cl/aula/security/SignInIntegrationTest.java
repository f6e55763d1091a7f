package cl.aula.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.aula.AulaIntegrationTest;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@AulaIntegrationTest
class SignInIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesRedirectToTheSpanishSignInPage() throws Exception {
        var result = mvc.perform(get("/escuelas/24680-8")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/ingresar");
        String page = mvc.perform(get("/ingresar")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ingresar").contains("Contraseña").contains("_csrf");
    }

    @Test
    void signingInChangesTheSessionIdAndLeadsToTheSchool() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        var result = mvc.perform(post("/ingresar")
                        .session(session)
                        .param("username", "director")
                        .param("password", "demo")
                        .with(csrf()))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void aFormPostedWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/ingresar").param("username", "director").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/escuelas/24680-8/funcionarios/1/roles")
                        .param("role", "TEACHER")
                        .param("granted", "true")
                        .with(user(accounts.loadUserByUsername("director"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("select password_hash from staff_member where username = 'director'")
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo");
    }

    @Test
    void aTeacherCannotAssignRoles() throws Exception {
        long teacher = accounts.loadUserByUsername("profesor").staffId();

        mvc.perform(post("/escuelas/24680-8/funcionarios/" + teacher + "/roles")
                        .param("role", "DIRECTOR")
                        .param("granted", "true")
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("profesor"))))
                .andExpect(status().isForbidden());

        School school = directory.schoolByRbd("24680").orElseThrow();
        assertThat(accounts.rolesAt(teacher, school.id())).containsExactly(Role.TEACHER);
    }

    @Test
    void theDirectorAssignsAndRemovesARoleAndTheChangeIsRecorded() throws Exception {
        long teacher = accounts.loadUserByUsername("profesor2").staffId();
        School school = directory.schoolByRbd("24680").orElseThrow();
        var director = user(accounts.loadUserByUsername("director"));

        mvc.perform(post("/escuelas/24680-8/funcionarios/" + teacher + "/roles")
                        .param("role", "ATTENDANCE_ADMIN")
                        .param("granted", "true")
                        .with(csrf())
                        .with(director))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.rolesAt(teacher, school.id())).contains(Role.ATTENDANCE_ADMIN);
        mvc.perform(post("/escuelas/24680-8/funcionarios/" + teacher + "/roles")
                        .param("role", "ATTENDANCE_ADMIN")
                        .param("granted", "false")
                        .with(csrf())
                        .with(director))
                .andExpect(status().is3xxRedirection());

        assertThat(accounts.rolesAt(teacher, school.id())).containsExactly(Role.TEACHER);
        long changes = jdbc.sql("select count(*) from staff_role_change where staff_id = ? and changed_by = 'director'")
                .param(teacher)
                .query(Long.class)
                .single();
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void aDirectorCannotAssignRolesToStaffOfAnotherSchool() throws Exception {
        long other = accounts.loadUserByUsername("director2").staffId();

        mvc.perform(post("/escuelas/24680-8/funcionarios/" + other + "/roles")
                        .param("role", "TEACHER")
                        .param("granted", "true")
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("director"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherSchoolsCoursePageIsA404PageNotA500() throws Exception {
        School school = directory.schoolByRbd("24680").orElseThrow();
        long course = directory.courses(school.id()).get(0).id();

        var result = mvc.perform(get("/cursos/" + course).with(user(accounts.loadUserByUsername("director2"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString())
                .contains("No encontrado")
                .doesNotContain("Básico");
    }

    @Test
    void anUnknownPageIsA404Page() throws Exception {
        var result = mvc.perform(get("/no-existe").with(user(accounts.loadUserByUsername("director"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).contains("No encontrado");
    }

    @Test
    void pagesOfTheDirectoryRenderForTheDirector() throws Exception {
        var director = user(accounts.loadUserByUsername("director"));
        School school = directory.schoolByRbd("24680").orElseThrow();
        long course = directory.courses(school.id()).get(0).id();

        for (String path : new String[] {
            "/escuelas/24680-8",
            "/escuelas/24680-8/cursos",
            "/cursos/" + course,
            "/escuelas/24680-8/funcionarios",
            "/escuelas/24680-8/importar",
            "/alumnos/1"
        }) {
            var result = mvc.perform(get(path).with(director)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        }
    }
}
