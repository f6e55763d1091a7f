package cl.aula.security;

import cl.aula.common.ForbiddenException;
import cl.aula.common.NotFoundException;
import java.util.Arrays;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the signed-in staff member may act on a school. Someone without
 * any role at the school gets "not found", so that its data, even its existence, stays invisible.
 */
@Component
public class SchoolAccess {

    private final StaffAccounts accounts;

    SchoolAccess(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    public StaffPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            throw new IllegalStateException("no signed-in staff member");
        }
        return principal;
    }

    /** The current user's roles at the school; refuses with 404 when there are none. */
    public Set<Role> requireMember(long schoolId) {
        Set<Role> roles = accounts.rolesAt(current().staffId(), schoolId);
        if (roles.isEmpty()) {
            throw new NotFoundException("No existe o no tiene acceso.");
        }
        return roles;
    }

    /** Refuses with 404 when the user has no role at the school and 403 when none of the allowed ones. */
    public Set<Role> require(long schoolId, Role... allowed) {
        Set<Role> roles = requireMember(schoolId);
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new ForbiddenException("Su rol en este establecimiento no permite esta acción.");
        }
        return roles;
    }

    public boolean has(long schoolId, Role role) {
        return accounts.rolesAt(current().staffId(), schoolId).contains(role);
    }

    public void requireSupport() {
        if (!accounts.isSupport(current().staffId())) {
            throw new ForbiddenException("Solo el equipo de soporte de Aula puede realizar esta acción.");
        }
    }

    public boolean isSupport() {
        return accounts.isSupport(current().staffId());
    }
}
