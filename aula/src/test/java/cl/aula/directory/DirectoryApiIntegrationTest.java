package cl.aula.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.demo.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AulaIntegrationTest
class DirectoryApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    @Test
    void meAnswersTheUserAndTheirRolesWithTheRbdAndItsCheckDigit() {
        JsonNode me = ApiClient.as(port, "director", "demo").get("/api/v1/me").json();

        assertThat(me.get("username").asString()).isEqualTo("director");
        assertThat(me.get("fullName").asString()).isNotBlank();
        assertThat(me.get("roles").get(0).get("rbd").asString()).isEqualTo("24680-8");
        assertThat(me.get("roles").get(0).get("role").asString()).isEqualTo("DIRECTOR");
    }

    @Test
    void supportHasARoleWithoutSchool() {
        JsonNode me = ApiClient.as(port, "soporte", "demo").get("/api/v1/me").json();

        assertThat(me.get("roles").get(0).get("role").asString()).isEqualTo("SUPPORT");
        assertThat(me.get("roles").get(0).get("rbd").isNull()).isTrue();
    }

    @Test
    void anApiCallWithoutCredentialsGets401AsProblemDetails() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Debe identificarse.");
    }

    @Test
    void aWrongPasswordGets401() {
        assertThat(ApiClient.as(port, "director", "wrong").get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void listsTheCoursesOfTheSchoolAsApiMdSays() {
        JsonNode courses = ApiClient.as(port, "profesor", "demo")
                .get("/api/v1/schools/24680-8/courses")
                .json();

        assertThat(courses.size()).isGreaterThanOrEqualTo(4);
        JsonNode first = courses.get(0);
        assertThat(first.get("id").asLong()).isPositive();
        assertThat(first.get("year").asInt()).isEqualTo(LocalDate.now(clock).getYear());
        assertThat(first.get("teachingTypeCode").asInt()).isEqualTo(110);
        assertThat(first.get("gradeCode").asInt()).isEqualTo(1);
        assertThat(first.get("letter").asString()).isEqualTo("A");
        assertThat(first.get("name").asString()).isEqualTo("1° Básico A");
    }

    @Test
    void aWrongRbdCheckDigitIsNotFound() {
        assertThat(ApiClient.as(port, "director", "demo")
                        .get("/api/v1/schools/24680-1/courses")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void staffOfAnotherSchoolGetNotFoundForItsCoursesAndStudents() {
        School demo = directory.schoolByRbd("24680").orElseThrow();
        long courseId = directory.courses(demo.id()).get(0).id();
        ApiClient other = ApiClient.as(port, "director2", "demo");

        ApiClient.Response courses = other.get("/api/v1/schools/24680-8/courses");
        ApiClient.Response students = other.get("/api/v1/courses/" + courseId + "/students");

        assertThat(courses.status()).isEqualTo(404);
        assertThat(students.status()).isEqualTo(404);
        assertThat(students.body()).doesNotContain("Básico");
    }

    @Test
    void supportCannotReadASchoolsStudents() {
        School demo = directory.schoolByRbd("24680").orElseThrow();
        long courseId = directory.courses(demo.id()).get(0).id();

        assertThat(ApiClient.as(port, "soporte", "demo")
                        .get("/api/v1/courses/" + courseId + "/students")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listsTheStudentsEnrolledOnTheDateWithTheirIdentifier() {
        School demo = directory.schoolByRbd("24680").orElseThrow();
        long courseId = directory.courses(demo.id()).get(0).id();
        LocalDate today = LocalDate.now(clock);

        JsonNode students = ApiClient.as(port, "profesor", "demo")
                .get("/api/v1/courses/" + courseId + "/students?date=" + today)
                .json();

        assertThat(students.size()).isBetween(30, 40);
        JsonNode first = students.get(0);
        assertThat(first.get("listNumber").asInt()).isEqualTo(1);
        assertThat(first.get("fullName").asString()).contains(",");
        assertThat(first.get("identifier").get("type").asString()).isIn("RUN", "IPE");
        int number = first.get("identifier").get("number").asInt();
        assertThat(first.get("identifier").get("dv").asString())
                .isEqualTo(String.valueOf(cl.aula.common.Run.checkDigitOf(number)));
        assertThat(first.get("enrolledOn").asString()).isNotBlank();
        assertThat(first.has("withdrawnOn")).isTrue();
    }

    @Test
    void theDemoHasCoursesOfTwoTeachingTypesAndSomeIpes() {
        School demo = directory.schoolByRbd(String.valueOf(DemoData.DEMO_RBD)).orElseThrow();
        LocalDate today = LocalDate.now(clock);

        var courses = directory.courses(demo.id());
        long ipes = courses.stream()
                .flatMap(c -> directory.studentsEnrolled(c.id(), today).stream())
                .filter(s -> s.identifier().type() == IdentifierType.IPE)
                .count();

        assertThat(courses.stream().map(Course::teachingTypeCode).distinct()).hasSize(2);
        assertThat(ipes).isGreaterThanOrEqualTo(3);
    }
}
