/** What the simulator was asked and what it answered: calls per operation and per answer code. */
package cl.aula.sige.simulator.stats;
