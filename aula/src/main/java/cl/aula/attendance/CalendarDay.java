package cl.aula.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What the calendar says about one date of a course's school year: whether classes are held and with
 * which weekday's timetable, or, when they are not, why (a Spanish sentence for the user).
 */
public record CalendarDay(LocalDate date, boolean schoolDay, DayOfWeek timetableWeekday, String whyNot) {}
