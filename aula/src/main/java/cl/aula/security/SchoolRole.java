package cl.aula.security;

/** A role held at one school ({@code schoolId} is null for SUPPORT). */
public record SchoolRole(Long schoolId, Role role) {}
