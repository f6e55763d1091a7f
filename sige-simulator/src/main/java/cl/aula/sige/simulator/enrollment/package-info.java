/** What SIGE believes is enrolled in each school: which students, in which course, from and until when. */
package cl.aula.sige.simulator.enrollment;
