/** Who is signed in and what they may do: staff accounts, roles per school, sign-in and access checks. */
package cl.aula.security;
