/** SIGE's SOAP ports and WSDLs: reading requests in either namespace, answering in the request's. */
package cl.aula.sige.simulator.soap;
