/** SIGE's declaration calendar: when each month's declaration period closes, and the open month. */
package cl.aula.sige.simulator.calendar;
