/** Small value types and web conventions shared by every module: identifiers, refusals, errors. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cl.aula.common;
