package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarAndTimetableUnitTest {

    @Test
    void theStandardWeekHasTheHoursMondayToFriday() {
        List<ClassHour> week = Timetable.standardWeek(6);

        assertThat(week).hasSize(30);
        assertThat(week).extracting(ClassHour::weekday).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(Timetable.problemsOf(week)).isEmpty();
    }

    @Test
    void refusesAnHourOutOfRangeARepeatedHourAndOverlappingHours() {
        List<ClassHour> hours = List.of(
                new ClassHour(DayOfWeek.MONDAY, 0, LocalTime.of(7, 0), LocalTime.of(7, 45)),
                new ClassHour(DayOfWeek.MONDAY, 1, LocalTime.of(8, 0), LocalTime.of(8, 45)),
                new ClassHour(DayOfWeek.MONDAY, 1, LocalTime.of(9, 0), LocalTime.of(9, 45)),
                new ClassHour(DayOfWeek.TUESDAY, 1, LocalTime.of(8, 0), LocalTime.of(8, 45)),
                new ClassHour(DayOfWeek.TUESDAY, 2, LocalTime.of(8, 30), LocalTime.of(9, 15)),
                new ClassHour(DayOfWeek.WEDNESDAY, 3, LocalTime.of(10, 0), LocalTime.of(9, 0)));

        assertThat(Timetable.problemsOf(hours))
                .anyMatch(p -> p.contains("La hora 0 del lunes no es válida"))
                .anyMatch(p -> p.contains("La hora 1 del lunes aparece dos veces"))
                .anyMatch(p -> p.contains("la hora 2 comienza antes de que termine la hora 1"))
                .anyMatch(p -> p.contains("La hora 3 del miércoles debe terminar después de comenzar"));
    }

    @Test
    void lateCountsAsPresentAndStatusesAreReadOnlyByTheirName() {
        assertThat(AttendanceStatus.LATE.countsAsPresent()).isTrue();
        assertThat(AttendanceStatus.ABSENT.countsAsPresent()).isFalse();
        assertThat(AttendanceStatus.parse("absent")).contains(AttendanceStatus.ABSENT);
        assertThat(AttendanceStatus.parse("SICK")).isEmpty();
        assertThat(AttendanceStatus.parse(null)).isEmpty();
    }
}
