/** The school directory: owners, schools, school years, courses, students with their identifiers, enrolments. */
package cl.aula.directory;
