/** A stand-in for MINEDUC's SIGE: its SOAP services, and a JSON control API to set the scene. */
package cl.aula.sige.simulator;
