/** The control API's shared parts: health, reset, statistics and its error answers. */
package cl.aula.sige.simulator.admin;
