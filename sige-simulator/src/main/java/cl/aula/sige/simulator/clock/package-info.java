/** The simulator's clock, which tests and demos can stop at any instant. */
package cl.aula.sige.simulator.clock;
