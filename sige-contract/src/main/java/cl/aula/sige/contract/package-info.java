/** SIGE's interoperability contract: XSDs and WSDLs as resources, generated types, and their helpers. */
package cl.aula.sige.contract;
