/** Interoperability agreements (convenios), their credentials and schools, and the semillas they obtain. */
package cl.aula.sige.simulator.agreement;
