package cl.aula.attendance;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One numbered class hour (bloque) of a course's weekly timetable. */
public record ClassHour(DayOfWeek weekday, int hour, LocalTime startsAt, LocalTime endsAt) {}
