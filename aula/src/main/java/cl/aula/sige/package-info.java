/**
 * Interoperability with SIGE: agreements, the declaration calendar, syncs split into submissions that
 * a database-backed job queue delivers and follows until SIGE has processed them, and the status and
 * guidance shown per day and course.
 */
package cl.aula.sige;
