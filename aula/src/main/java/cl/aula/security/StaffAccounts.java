package cl.aula.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and their roles per school. */
@Service
public class StaffAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public StaffPrincipal loadUserByUsername(String username) {
        return jdbc.sql("select id, username, full_name, password_hash, enabled from staff_member where username = ?")
                .param(username)
                .query((rs, n) -> new StaffPrincipal(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("full_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Creates an account; the password is stored only as its hash. */
    @Transactional
    public long create(String username, String fullName, String rawPassword) {
        return jdbc.sql("insert into staff_member (username, full_name, password_hash) values (?, ?, ?) returning id")
                .params(username, fullName, passwords.encode(rawPassword))
                .query(Long.class)
                .single();
    }

    public Optional<StaffMember> find(long staffId) {
        return jdbc.sql("select id, username, full_name from staff_member where id = ?")
                .param(staffId)
                .query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), Set.of()))
                .optional();
    }

    public List<SchoolRole> rolesOf(long staffId) {
        return jdbc.sql(
                        "select school_id, role from staff_role where staff_id = ? order by school_id nulls first, role")
                .param(staffId)
                .query((rs, n) -> new SchoolRole((Long) rs.getObject("school_id"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    public Set<Role> rolesAt(long staffId, long schoolId) {
        return jdbc.sql("select role from staff_role where staff_id = ? and school_id = ?")
                .params(staffId, schoolId)
                .query((rs, n) -> Role.valueOf(rs.getString(1)))
                .set();
    }

    public boolean isSupport(long staffId) {
        return jdbc.sql("select count(*) from staff_role where staff_id = ? and role = 'SUPPORT'")
                        .param(staffId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Everyone with a role at the school, with their roles there. */
    public List<StaffMember> staffOf(long schoolId) {
        var rows = jdbc.sql("""
                        select m.id, m.username, m.full_name, r.role
                        from staff_member m join staff_role r on r.staff_id = m.id
                        where r.school_id = ? order by m.full_name, m.id""")
                .param(schoolId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        return rows.stream()
                .collect(Collectors.groupingBy(row -> (Long) row[0], java.util.LinkedHashMap::new, Collectors.toList()))
                .values()
                .stream()
                .map(group -> new StaffMember(
                        (Long) group.get(0)[0],
                        (String) group.get(0)[1],
                        (String) group.get(0)[2],
                        group.stream().map(row -> Role.valueOf((String) row[3])).collect(Collectors.toSet())))
                .toList();
    }

    /** Grants or removes a school role, keeping who changed it and when. Idempotent. */
    @Transactional
    public void setRole(long staffId, long schoolId, Role role, boolean granted, String changedBy) {
        if (role == Role.SUPPORT) {
            throw new IllegalArgumentException("SUPPORT is not a school role");
        }
        int changed = granted
                ? jdbc.sql("""
                                insert into staff_role (staff_id, school_id, role) values (?, ?, ?)
                                on conflict do nothing""").params(staffId, schoolId, role.name()).update()
                : jdbc.sql("delete from staff_role where staff_id = ? and school_id = ? and role = ?")
                        .params(staffId, schoolId, role.name())
                        .update();
        if (changed > 0) {
            jdbc.sql("""
                            insert into staff_role_change (staff_id, school_id, role, granted, changed_by, changed_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            staffId,
                            schoolId,
                            role.name(),
                            granted,
                            changedBy,
                            Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }
    }

    @Transactional
    public void grantSupport(long staffId) {
        jdbc.sql(
                        "insert into staff_role (staff_id, school_id, role) values (?, null, 'SUPPORT') on conflict do nothing")
                .param(staffId)
                .update();
    }

    /** A staff member as the directory pages show them. */
    public record StaffMember(long id, String username, String fullName, Set<Role> roles) {}
}
