/** How Aula runs: the embedded PostgreSQL, the clock, error pages and problem details. */
package cl.aula.platform;
