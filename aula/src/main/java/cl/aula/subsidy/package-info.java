/** The Control de Subvenciones: each course's daily attendance at the subsidy hour, computed from the registers. */
package cl.aula.subsidy;
