package cl.aula.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.directory.Course;
import cl.aula.directory.Directory;
import cl.aula.directory.School;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo courses' Control de Subvenciones, as the API answers it, matches day by day what the
 * registers say at the 2nd hour, counted here independently with plain SQL.
 */
@AulaIntegrationTest
class DemoSubsidyControlIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theGridOfEveryDemoCourseMatchesTheSecondHourRegistersThisMonthAndLast() {
        School school = directory.schoolByRbd("24680").orElseThrow();
        ApiClient director = ApiClient.as(port, "director", "demo");
        YearMonth current = YearMonth.now(clock);

        for (Course course : directory.courses(school.id())) {
            for (YearMonth month : List.of(current, current.minusMonths(1))) {
                JsonNode grid = director.get("/api/v1/courses/" + course.id() + "/subsidy-control?month=" + month)
                        .json();
                assertMatchesRegisters(course, month, grid);
            }
        }
    }

    @Test
    void theDemoHasRegistersOnMostDaysAndAFewGaps() {
        School school = directory.schoolByRbd("24680").orElseThrow();
        ApiClient director = ApiClient.as(port, "director", "demo");
        YearMonth previous = YearMonth.now(clock).minusMonths(1);
        int taught = 0;
        int missing = 0;
        for (Course course : directory.courses(school.id())) {
            JsonNode grid = director.get("/api/v1/courses/" + course.id() + "/subsidy-control?month=" + previous)
                    .json();
            taught += grid.get("daysTaught").asInt();
            missing += grid.get("missingDays").size();
        }

        assertThat(missing).isBetween(1, 6);
        assertThat(taught).isGreaterThan(missing * 10);
    }

    private void assertMatchesRegisters(Course course, YearMonth month, JsonNode grid) {
        record Mark(LocalDate date, long student, String status) {}
        List<Mark> marks = jdbc.sql("""
                        select r.date, m.student_id, m.status
                        from attendance_register r
                        join attendance_mark m on m.register_id = r.id and m.until_version is null
                        where r.course_id = ? and r.hour = 2 and r.date between ? and ?""")
                .params(course.id(), month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new Mark(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3)))
                .list();
        Map<String, int[]> expected = new HashMap<>();
        Map<String, String> expectedMark = new HashMap<>();
        for (Mark mark : marks) {
            int[] counts = expected.computeIfAbsent(mark.date().toString(), d -> new int[2]);
            boolean present = !mark.status().equals("ABSENT");
            counts[present ? 0 : 1]++;
            expectedMark.put(mark.date() + "/" + mark.student(), present ? "P" : "A");
        }

        for (JsonNode day : grid.get("days")) {
            String date = day.asString();
            JsonNode totals = grid.get("totals").get(date);
            int[] counts = expected.getOrDefault(date, new int[2]);
            assertThat(totals.get("present").asInt())
                    .as(course.name() + " " + date)
                    .isEqualTo(counts[0]);
            assertThat(totals.get("absent").asInt())
                    .as(course.name() + " " + date)
                    .isEqualTo(counts[1]);
            long enrolled = jdbc.sql("""
                            select count(*) from enrollment
                            where course_id = ? and enrolled_on <= ?::date
                              and (withdrawn_on is null or withdrawn_on > ?::date)""")
                    .params(course.id(), date, date)
                    .query(Long.class)
                    .single();
            assertThat(totals.get("enrolled").asLong())
                    .as(course.name() + " " + date)
                    .isEqualTo(enrolled);
            if (expected.containsKey(date)) {
                assertThat(counts[0] + counts[1]).as("a complete register").isEqualTo((int) enrolled);
            }
        }
        assertThat(expected.keySet())
                .as("every date with a 2nd-hour register is a day of the grid")
                .allMatch(date -> grid.get("totals").has(date));
        for (JsonNode student : grid.get("students")) {
            long id = student.get("studentId").asLong();
            student.get("marks").properties().forEach(entry -> {
                String mark =
                        entry.getValue().isNull() ? null : entry.getValue().asString();
                assertThat(mark).as(id + " " + entry.getKey()).isEqualTo(expectedMark.get(entry.getKey() + "/" + id));
            });
        }
    }
}
