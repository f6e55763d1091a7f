/** Attendance per class hour: course timetables, the school calendar, registers and their corrections. */
package cl.aula.attendance;
