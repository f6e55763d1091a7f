package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import cl.aula.common.RefusedException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Holidays and suspensions remove school days, recovery days add them, and the calendar refuses nonsense. */
@AulaIntegrationTest
class SchoolCalendarIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SchoolCalendar calendar;

    @Autowired
    TakingAttendance taking;

    Fixture fixture;
    LocalDate day;

    @BeforeEach
    void aFixtureSchool() {
        AttendanceFixtures fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(2);
        day = fixtures.lastSchoolDay();
    }

    @Test
    void aSuspensionRemovesTheDayAndARecoveryDayAddsASaturdayWithAWeekdaysTimetable() {
        LocalDate monday = day.minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate saturday = monday.plusDays(5);

        calendar.add(fixture.school(), monday, CalendarEntry.Kind.SUSPENSION, "Corte de agua", null, "test");
        calendar.add(
                fixture.school(), saturday, CalendarEntry.Kind.RECOVERY, "Recupera el lunes", DayOfWeek.MONDAY, "test");

        List<LocalDate> days = calendar.schoolDays(fixture.year(), monday, saturday);
        assertThat(days).doesNotContain(monday).contains(saturday).hasSize(5);
        assertThat(calendar.day(fixture.year(), saturday).timetableWeekday()).isEqualTo(DayOfWeek.MONDAY);
        AttendanceRegister register = taking.record(
                fixture.course(),
                saturday,
                6,
                new TakingAttendance.Submission(
                        fixture.students().stream()
                                .map(s -> new TakingAttendance.SubmittedMark(s, "PRESENT"))
                                .toList(),
                        null,
                        null),
                fixture.teacherPrincipal());
        assertThat(register.version()).isEqualTo(1);
    }

    @Test
    void refusesAHolidayOnADayWithAttendanceAlreadyTaken() {
        taking.record(
                fixture.course(),
                day,
                1,
                new TakingAttendance.Submission(
                        fixture.students().stream()
                                .map(s -> new TakingAttendance.SubmittedMark(s, "PRESENT"))
                                .toList(),
                        null,
                        null),
                fixture.teacherPrincipal());

        assertThatThrownBy(() -> calendar.add(fixture.school(), day, CalendarEntry.Kind.HOLIDAY, "Tarde", null, "t"))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("ya tiene 1 registros de asistencia");
    }

    @Test
    void refusesEveryProblemOfAnEntryAtOnce() {
        assertThatThrownBy(() -> calendar.add(fixture.school(), day, CalendarEntry.Kind.RECOVERY, " ", null, "t"))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.reasons())
                                .anyMatch(r -> r.contains("Indique el motivo"))
                                .anyMatch(r -> r.contains("con el horario de qué día"))
                                .anyMatch(r -> r.contains("ya es día de clases")));
        LocalDate outside = fixture.year().endsOn().plusDays(3);
        assertThatThrownBy(() -> calendar.add(fixture.school(), outside, CalendarEntry.Kind.HOLIDAY, "X", null, "t"))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.reasons()).anyMatch(r -> r.contains("fuera de los años escolares")));
    }

    @Test
    void aWithdrawnHolidayIsASchoolDayAgain() {
        LocalDate holiday = AttendanceFixtures.weekdayOnOrBefore(day.minusDays(20));
        CalendarEntry entry =
                calendar.add(fixture.school(), holiday, CalendarEntry.Kind.HOLIDAY, "Por error", null, "test");

        calendar.withdraw(fixture.school(), entry.id(), "test");

        assertThat(calendar.day(fixture.year(), holiday).schoolDay()).isTrue();
        assertThat(calendar.entries(fixture.school().id(), holiday, holiday)).isEmpty();
    }
}
