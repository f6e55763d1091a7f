/** Misbehaviour on demand: error codes, HTTP errors, dropped connections, delays, short-lived semillas. */
package cl.aula.sige.simulator.fault;
