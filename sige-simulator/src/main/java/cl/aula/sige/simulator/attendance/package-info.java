/** Attendance SIGE receives: validating submissions, processing them later, and what SIGE then holds. */
package cl.aula.sige.simulator.attendance;
