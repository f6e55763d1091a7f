package cl.aula.sige.simulator.attendance;

import java.time.LocalDate;

/** What a submission replaces when it is resent: one date of one teaching type and grade of a school. */
record AttendanceKey(int rbd, LocalDate date, int teachingTypeCode, int gradeCode) {}
