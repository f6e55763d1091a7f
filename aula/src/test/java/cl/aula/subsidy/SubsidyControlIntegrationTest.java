package cl.aula.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import cl.aula.attendance.CalendarEntry;
import cl.aula.attendance.SchoolCalendar;
import cl.aula.attendance.TakingAttendance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * The Control de Subvenciones of a fixture course for last month: built from the 2nd-hour registers
 * only, late counts as present, a day without the register is flagged, enrolment movements counted.
 */
@AulaIntegrationTest
class SubsidyControlIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TakingAttendance taking;

    @Autowired
    SchoolCalendar calendar;

    @Autowired
    SubsidyControl control;

    Fixture fixture;
    YearMonth month;
    List<LocalDate> days;
    LocalDate holiday;
    long newcomer;
    long leaver;
    LocalDate gap;

    @BeforeEach
    void lastMonthTakenAtTheSecondHourExceptOneDay() {
        AttendanceFixtures fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(4);
        month = YearMonth.from(fixtures.today()).minusMonths(1);
        holiday = AttendanceFixtures.weekdayOnOrBefore(month.atDay(15));
        calendar.add(fixture.school(), holiday, CalendarEntry.Kind.HOLIDAY, "Feriado de prueba", null, "test");
        days = calendar.schoolDays(fixture.year(), month.atDay(1), month.atEndOfMonth());
        newcomer = fixtures.enrolledStudent(fixture, days.get(5), null);
        leaver = fixtures.enrolledStudent(fixture, fixture.year().startsOn(), days.get(10));
        gap = days.get(2);

        List<TakingAttendance.NewRegister> book = new ArrayList<>();
        for (LocalDate day : days) {
            if (!day.equals(gap)) {
                book.add(new TakingAttendance.NewRegister(day, 2, marks(day, "PRESENT")));
            }
        }
        book.set(0, new TakingAttendance.NewRegister(days.get(0), 2, marks(days.get(0), "ABSENT", "LATE")));
        book.set(
                1,
                new TakingAttendance.NewRegister(days.get(1), 2, marks(days.get(1), "PRESENT", "PRESENT", "ABSENT")));
        book.add(new TakingAttendance.NewRegister(days.get(0), 1, marks(days.get(0), "ABSENT", "ABSENT", "ABSENT")));
        taking.recordAll(fixture.course(), book, fixture.teacherPrincipal());
    }

    @Test
    void showsTheSchoolDaysWithTheMarksAtTheSubsidyHourAndLateAsPresent() {
        MonthlyControl grid = control.month(fixture.course(), month);

        assertThat(grid.subsidyHour()).isEqualTo(2);
        assertThat(grid.days()).extracting(MonthlyControl.Day::date).containsExactlyElementsOf(days);
        assertThat(grid.days()).extracting(MonthlyControl.Day::date).doesNotContain(holiday);
        MonthlyControl.Day first = grid.days().get(0);
        assertThat(first.totals()).isEqualTo(new MonthlyControl.Totals(4, 1, 5));
        assertThat(row(grid, fixture.students().get(0)).marks().get(days.get(0)))
                .isEqualTo(SubsidyMark.ABSENT);
        assertThat(row(grid, fixture.students().get(1)).marks().get(days.get(0)))
                .isEqualTo(SubsidyMark.PRESENT);
        assertThat(grid.days().get(1).totals()).isEqualTo(new MonthlyControl.Totals(4, 1, 5));
    }

    @Test
    void flagsADayWithoutTheSubsidyHourRegisterAndLeavesItsMarksEmpty() {
        MonthlyControl grid = control.month(fixture.course(), month);

        MonthlyControl.Day missing = grid.days().get(2);
        assertThat(missing.registered()).isFalse();
        assertThat(missing.missing()).isTrue();
        assertThat(grid.missingDays()).containsExactly(gap);
        assertThat(grid.daysTaught()).isEqualTo(days.size() - 1);
        assertThat(row(grid, fixture.students().get(0)).marks()).containsEntry(gap, null);
    }

    @Test
    void countsEnrolmentAtTheStartNewEnrolmentsAndWithdrawals() {
        MonthlyControl grid = control.month(fixture.course(), month);

        assertThat(grid.enrolledAtStart()).isEqualTo(5);
        assertThat(grid.enrollmentsDuring()).isEqualTo(1);
        assertThat(grid.withdrawalsDuring()).isEqualTo(1);
        assertThat(grid.enrolledAtEnd()).isEqualTo(5);
        assertThat(row(grid, newcomer).marks().keySet()).allMatch(d -> !d.isBefore(days.get(5)));
        assertThat(row(grid, newcomer).marks()).containsKey(days.get(5));
        assertThat(row(grid, leaver).marks().keySet()).allMatch(d -> d.isBefore(days.get(10)));
        assertThat(grid.days().get(10).totals().enrolled()).isEqualTo(5);
        assertThat(grid.days().get(4).totals().enrolled()).isEqualTo(5);
        assertThat(grid.days().get(5).totals().enrolled()).isEqualTo(6);
    }

    @Test
    void computesEachStudentsRateAndTheCourses() {
        MonthlyControl grid = control.month(fixture.course(), month);

        int taught = days.size() - 1;
        MonthlyControl.StudentRow first = row(grid, fixture.students().get(0));
        assertThat(first.presentDays()).isEqualTo(taught - 1);
        assertThat(first.absentDays()).isEqualTo(1);
        assertThat(first.attendanceRate()).isEqualTo(SubsidyControl.rate(taught - 1, taught));
        int marks = grid.days().stream()
                .mapToInt(d -> d.totals().present() + d.totals().absent())
                .sum();
        assertThat(grid.attendanceRate()).isEqualTo(SubsidyControl.rate(marks - 2, marks));
    }

    @Test
    void aChangeAtTheSubsidyHourChangesTheControlAndOneAtAnotherHourDoesNot() {
        LocalDate day = days.get(3);
        Instant before = control.lastChangedAt(fixture.course(), day).orElseThrow();
        List<SubsidyMarksChanged> published = listen();

        taking.record(fixture.course(), day, 3, submission(day, "ABSENT", null), fixture.teacherPrincipal());
        assertThat(control.month(fixture.course(), month).days().get(3).totals().absent())
                .isZero();
        assertThat(control.lastChangedAt(fixture.course(), day)).contains(before);
        assertThat(published).isEmpty();

        TakingAttendance.Submission typo = submission(day, "ABSENT", "Error de digitación");
        taking.record(fixture.course(), day, 2, typo, fixture.teacherPrincipal());
        assertThat(control.month(fixture.course(), month).days().get(3).totals().absent())
                .isEqualTo(5);
        assertThat(control.lastChangedAt(fixture.course(), day).orElseThrow()).isAfter(before);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.date()).isEqualTo(day);
            assertThat(event.version()).isEqualTo(2);
        });
    }

    @Test
    void givesSigeEachCoursesMarksForADay() {
        SubsidyDay first = control.day(fixture.course(), days.get(0));
        SubsidyDay missing = control.day(fixture.course(), gap);

        assertThat(first.registered()).isTrue();
        assertThat(first.schoolDay()).isTrue();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.enrolled()).hasSize(5);
        assertThat(first.marks()).containsEntry(fixture.students().get(0), SubsidyMark.ABSENT);
        assertThat(first.present()).isEqualTo(4);
        assertThat(missing.registered()).isFalse();
        assertThat(missing.marks()).isEmpty();
        assertThat(control.schoolDay(fixture.school().id(), days.get(0)))
                .singleElement()
                .isEqualTo(first);
        assertThat(control.day(fixture.course(), holiday).schoolDay()).isFalse();
    }

    @Test
    void theApiAnswersTheDocumentedShape() {
        ApiClient teacher = ApiClient.as(port, fixture.teacher(), AttendanceFixtures.PASSWORD);

        ApiClient.Response response =
                teacher.get("/api/v1/courses/" + fixture.course().id() + "/subsidy-control?month=" + month);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("courseId").asLong()).isEqualTo(fixture.course().id());
        assertThat(json.get("month").asString()).isEqualTo(month.toString());
        assertThat(json.get("subsidyHour").asInt()).isEqualTo(2);
        assertThat(json.get("days")).hasSize(days.size());
        assertThat(json.get("days").get(0).asString()).isEqualTo(days.get(0).toString());
        JsonNode student = json.get("students").get(0);
        assertThat(student.get("studentId").asLong())
                .isEqualTo(fixture.students().get(0));
        assertThat(student.get("fullName").asString()).isNotBlank();
        assertThat(student.get("marks").get(days.get(0).toString()).asString()).isEqualTo("A");
        assertThat(student.get("marks").get(days.get(1).toString()).asString()).isEqualTo("P");
        assertThat(student.get("marks").get(gap.toString()).isNull()).isTrue();
        assertThat(student.get("presentDays").asInt()).isEqualTo(days.size() - 2);
        assertThat(student.get("attendanceRate").isNumber()).isTrue();
        JsonNode totals = json.get("totals").get(days.get(0).toString());
        assertThat(totals.get("present").asInt()).isEqualTo(4);
        assertThat(totals.get("absent").asInt()).isEqualTo(1);
        assertThat(totals.get("enrolled").asInt()).isEqualTo(5);
    }

    @Test
    void aTeacherOfAnotherSchoolCannotSeeTheControl() {
        ApiClient demoTeacher = ApiClient.as(port, "profesor", "demo");

        assertThat(demoTeacher
                        .get("/api/v1/courses/" + fixture.course().id() + "/subsidy-control?month=" + month)
                        .status())
                .isEqualTo(404);
    }

    private List<SubsidyMarksChanged> listen() {
        List<SubsidyMarksChanged> events = new CopyOnWriteArrayList<>();
        long course = fixture.course().id();
        ((ConfigurableApplicationContext) context).addApplicationListener((ApplicationListener<
                        PayloadApplicationEvent<?>>)
                event -> {
                    if (event.getPayload() instanceof SubsidyMarksChanged changed && changed.courseId() == course) {
                        events.add(changed);
                    }
                });
        return events;
    }

    private static MonthlyControl.StudentRow row(MonthlyControl grid, long studentId) {
        return grid.students().stream()
                .filter(s -> s.studentId() == studentId)
                .findFirst()
                .orElseThrow();
    }

    private TakingAttendance.Submission submission(LocalDate day, String status, String reason) {
        List<TakingAttendance.SubmittedMark> marks = marks(day, status, status, status, status).stream()
                .map(m -> new TakingAttendance.SubmittedMark(m.studentId(), status))
                .toList();
        return new TakingAttendance.Submission(marks, reason, null);
    }

    /** Everyone enrolled that day, the first ones with the given statuses and the rest present. */
    private List<TakingAttendance.SubmittedMark> marks(LocalDate day, String... first) {
        List<Long> enrolled = new ArrayList<>(fixture.students());
        if (!day.isBefore(days.get(5))) {
            enrolled.add(newcomer);
        }
        if (day.isBefore(days.get(10))) {
            enrolled.add(leaver);
        }
        List<TakingAttendance.SubmittedMark> marks = new ArrayList<>();
        for (int i = 0; i < enrolled.size(); i++) {
            marks.add(new TakingAttendance.SubmittedMark(enrolled.get(i), i < first.length ? first[i] : "PRESENT"));
        }
        return marks;
    }
}
