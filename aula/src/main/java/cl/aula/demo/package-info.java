/** The demo schools, loaded on a first start so that a newcomer sees a realistic class book at once. */
package cl.aula.demo;
