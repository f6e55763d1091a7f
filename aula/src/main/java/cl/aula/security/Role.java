package cl.aula.security;

/** A staff member's role at a school; {@link #SUPPORT} is the platform's own staff and has no school. */
public enum Role {
    DIRECTOR("Director(a)"),
    ATTENDANCE_ADMIN("Administrador(a) de asistencia"),
    TEACHER("Docente"),
    SUPPORT("Soporte");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
