package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** PUT and GET of a class hour's register through the JSON API, and every bad input it refuses. */
@AulaIntegrationTest
class AttendanceApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SchoolCalendar calendar;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    AttendanceFixtures fixtures;
    Fixture fixture;
    LocalDate day;
    ApiClient teacher;

    @BeforeEach
    void aSchoolWithACourseOfFourStudents() {
        fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(4);
        day = fixtures.lastSchoolDay();
        teacher = ApiClient.as(port, fixture.teacher(), AttendanceFixtures.PASSWORD);
    }

    @Test
    void recordsARegisterWithWhoRecordedItAndAnswersIt() {
        ApiClient.Response put = teacher.put(path(day, 2), body(marks("ABSENT", "PRESENT", "LATE", "PRESENT"), null));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode register = teacher.get(path(day, 2)).json();
        assertThat(register.get("courseId").asLong()).isEqualTo(fixture.course().id());
        assertThat(register.get("date").asString()).isEqualTo(day.toString());
        assertThat(register.get("hour").asInt()).isEqualTo(2);
        assertThat(register.get("version").asInt()).isEqualTo(1);
        assertThat(register.get("recordedBy").asString()).isEqualTo(fixture.teacher());
        assertThat(register.get("recordedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
        assertThat(register.get("history")).isEmpty();
        assertThat(statuses(register.get("marks"))).containsExactly("ABSENT", "PRESENT", "LATE", "PRESENT");
    }

    @Test
    void answersNotFoundForAnHourNotYetTaken() {
        ApiClient.Response get = teacher.get(path(day, 3));

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.contentType()).contains("application/problem+json");
    }

    @Test
    void aCorrectionKeepsTheOldMarksInTheHistoryWithWhoWhenAndWhy() {
        teacher.put(path(day, 2), body(marks("ABSENT", "PRESENT", "PRESENT", "PRESENT"), null));
        ApiClient director = ApiClient.as(port, fixture.director(), AttendanceFixtures.PASSWORD);

        ApiClient.Response corrected = director.put(
                path(day, 2), body(marks("LATE", "PRESENT", "PRESENT", "ABSENT"), "Llegó con justificativo"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode register = corrected.json();
        assertThat(register.get("version").asInt()).isEqualTo(2);
        assertThat(register.get("recordedBy").asString()).isEqualTo(fixture.director());
        assertThat(register.get("reason").asString()).isEqualTo("Llegó con justificativo");
        assertThat(statuses(register.get("marks"))).containsExactly("LATE", "PRESENT", "PRESENT", "ABSENT");
        JsonNode old = register.get("history").get(0);
        assertThat(old.get("recordedBy").asString()).isEqualTo(fixture.teacher());
        assertThat(old.get("reason").isNull()).isTrue();
        assertThat(statuses(old.get("marks"))).containsExactly("ABSENT", "PRESENT", "PRESENT", "PRESENT");
        long endDated =
                jdbc.sql("""
                        select count(*) from attendance_mark m join attendance_register r on r.id = m.register_id
                        where r.course_id = ? and m.until_version = 2""").param(fixture.course().id()).query(Long.class).single();
        assertThat(endDated)
                .as("the two changed marks are end-dated, not deleted")
                .isEqualTo(2);
    }

    @Test
    void sendingTheSameMarksAgainIsNotACorrectionAndNeedsNoReason() {
        String same = body(marks("ABSENT", "PRESENT", "PRESENT", "PRESENT"), null);
        teacher.put(path(day, 1), same);

        ApiClient.Response again = teacher.put(path(day, 1), same);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void refusesACorrectionWithoutReason() {
        teacher.put(path(day, 2), body(marks("PRESENT", "PRESENT", "PRESENT", "PRESENT"), null));

        ApiClient.Response refused =
                teacher.put(path(day, 2), body(marks("ABSENT", "PRESENT", "PRESENT", "PRESENT"), " "));

        assertRefused(refused, "motivo de la corrección");
        assertThat(teacher.get(path(day, 2)).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAMarkForAStudentWithdrawnBeforeThatDay() {
        long withdrawn = fixtures.enrolledStudent(fixture, fixture.year().startsOn(), day);
        List<String> marks = new ArrayList<>(marks("PRESENT", "PRESENT", "PRESENT", "PRESENT"));
        marks.add(mark(withdrawn, "PRESENT"));

        assertRefused(teacher.put(path(day, 2), body(marks, null)), "se retiró el");
        assertThat(teacher.get(path(day, 2)).status()).as("nothing was written").isEqualTo(404);
    }

    @Test
    void refusesAMarkForAStudentEnrolledAfterThatDay() {
        LocalDate earlier = AttendanceFixtures.weekdayOnOrBefore(day.minusDays(7));
        long newcomer = fixtures.enrolledStudent(fixture, day, null);
        List<String> marks = new ArrayList<>(marks("PRESENT", "PRESENT", "PRESENT", "PRESENT"));
        marks.add(mark(newcomer, "ABSENT"));

        assertRefused(teacher.put(path(earlier, 2), body(marks, null)), "su matrícula rige desde el");
    }

    @Test
    void refusesAMarkForAStudentOfAnotherCourse() {
        Fixture other = fixtures.schoolWithCourse(1);
        List<String> marks = new ArrayList<>(marks("PRESENT", "PRESENT", "PRESENT", "PRESENT"));
        marks.add(mark(other.students().get(0), "PRESENT"));

        assertRefused(teacher.put(path(day, 2), body(marks, null)), "no pertenece a este curso");
    }

    @Test
    void refusesAMissingStudentNamingThem() {
        List<String> marks = marks("PRESENT", "PRESENT", "PRESENT", "PRESENT").subList(0, 3);

        assertRefused(teacher.put(path(day, 2), body(marks, null)), "Falta la marca de N° 4");
    }

    @Test
    void refusesAnEmptyBody() {
        assertRefused(teacher.put(path(day, 2), "{}"), "Falta la lista de marcas");
    }

    @Test
    void refusesADuplicatedStudent() {
        List<String> marks = new ArrayList<>(marks("PRESENT", "PRESENT", "PRESENT", "PRESENT"));
        marks.add(mark(fixture.students().get(1), "ABSENT"));

        assertRefused(teacher.put(path(day, 2), body(marks, null)), "aparece más de una vez");
    }

    @Test
    void refusesAnUnknownStatus() {
        assertRefused(
                teacher.put(path(day, 2), body(marks("PRESENT", "SICK", "PRESENT", "PRESENT"), null)),
                "«SICK»",
                "use PRESENT, ABSENT o LATE");
    }

    @Test
    void refusesHourZero() {
        assertRefused(teacher.put(path(day, 0), body(allPresent(), null)), "La hora 0 no existe");
    }

    @Test
    void refusesAnHourBeyondTheTimetable() {
        assertRefused(teacher.put(path(day, 7), body(allPresent(), null)), "La hora 7 no está en el horario");
    }

    @Test
    void refusesAFutureDate() {
        assertRefused(teacher.put(path(fixtures.today().plusDays(1), 2), body(allPresent(), null)), "fecha futura");
    }

    @Test
    void refusesAHoliday() {
        LocalDate holiday = AttendanceFixtures.weekdayOnOrBefore(day.minusDays(3));
        calendar.add(fixture.school(), holiday, CalendarEntry.Kind.HOLIDAY, "Feriado de prueba", null, "test");

        assertRefused(teacher.put(path(holiday, 2), body(allPresent(), null)), "es feriado (Feriado de prueba)");
    }

    @Test
    void refusesAWeekend() {
        LocalDate sunday = day.with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SUNDAY));

        assertRefused(teacher.put(path(sunday, 2), body(allPresent(), null)), "es domingo");
    }

    @Test
    void refusesADateOutsideTheSchoolYear() {
        LocalDate before =
                AttendanceFixtures.weekdayOnOrBefore(fixture.year().startsOn().minusDays(1));

        assertRefused(teacher.put(path(before, 2), body(allPresent(), null)), "fuera del año escolar");
    }

    @Test
    void namesEveryProblemAtOnce() {
        List<String> marks = new ArrayList<>(marks("PRESENT", "MAYBE", "PRESENT"));
        marks.add(mark(fixture.students().get(0), "ABSENT"));

        ApiClient.Response refused = teacher.put(path(fixtures.today().plusDays(2), 0), body(marks, null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(details(refused))
                .anyMatch(d -> d.contains("fecha futura"))
                .anyMatch(d -> d.contains("La hora 0"))
                .anyMatch(d -> d.contains("«MAYBE»"))
                .anyMatch(d -> d.contains("más de una vez"))
                .anyMatch(d -> d.contains("Falta la marca de N° 4"));
    }

    @Test
    void aTeacherOfAnotherSchoolGetsNotFoundAndWritesNothing() {
        School second = directory.schoolByRbd("13579").orElseThrow();
        Course theirs = directory.courses(second.id()).get(0);
        ApiClient demoTeacher = ApiClient.as(port, "profesor", "demo");

        ApiClient.Response put = demoTeacher.put(
                "/api/v1/courses/" + theirs.id() + "/attendance/" + day + "/2", "{\"marks\":[],\"reason\":null}");
        ApiClient.Response get = demoTeacher.get("/api/v1/courses/" + theirs.id() + "/attendance/" + day + "/2");

        assertThat(put.status()).isEqualTo(404);
        assertThat(get.status()).isEqualTo(404);
        assertThat(put.body()).doesNotContain("El Roble");
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        teacher.put(path(day, 4), body(allPresent(), null));
        teacher.put(path(day, 4), body(marks("ABSENT", "PRESENT", "PRESENT", "PRESENT"), "Se fue a enfermería", 1));

        ApiClient.Response stale =
                teacher.put(path(day, 4), body(marks("LATE", "PRESENT", "PRESENT", "PRESENT"), "Llegó tarde", 1));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains("Recargue");
    }

    private String path(LocalDate date, int hour) {
        return "/api/v1/courses/" + fixture.course().id() + "/attendance/" + date + "/" + hour;
    }

    private List<String> allPresent() {
        return marks("PRESENT", "PRESENT", "PRESENT", "PRESENT");
    }

    /** Marks for the fixture's students in order, one status each. */
    private List<String> marks(String... statuses) {
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            marks.add(mark(fixture.students().get(i), statuses[i]));
        }
        return marks;
    }

    private static String mark(long studentId, String status) {
        return "{\"studentId\":" + studentId + ",\"status\":\"" + status + "\"}";
    }

    private static String body(List<String> marks, String reason) {
        return "{\"marks\":[" + String.join(",", marks) + "],\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + "}";
    }

    private static String body(List<String> marks, String reason, int version) {
        return body(marks, reason).replaceFirst("}$", ",\"version\":" + version + "}");
    }

    private static List<String> statuses(JsonNode marks) {
        return StreamSupport.stream(marks.spliterator(), false)
                .map(m -> m.get("status").asString())
                .toList();
    }

    private static List<String> details(ApiClient.Response response) {
        return StreamSupport.stream(response.json().get("errors").spliterator(), false)
                .map(e -> e.get("detail").asString())
                .toList();
    }

    private static void assertRefused(ApiClient.Response response, String... expected) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).contains("application/problem+json");
        for (String text : expected) {
            assertThat(details(response)).as(response.body()).anyMatch(d -> d.contains(text));
        }
    }
}
