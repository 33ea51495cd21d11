package dev.selftest.jakarta;

import dev.selftest.api.Access;
import dev.selftest.api.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns the user the runtime's own security authenticated into a {@link Caller} with the access its roles grant. */
final class Callers {
    static final String READ_ROLE = "selftest.security.read-role";
    static final String OPERATE_ROLE = "selftest.security.operate-role";

    private Callers() {
    }

    /**
     * The authenticated user: {@code operateRole} grants READ and OPERATE, {@code readRole} grants READ. Null when
     * nobody is authenticated, so that the bearer-token rules apply.
     */
    static @Nullable Caller of(SecurityContext security, String readRole, String operateRole) {
        Principal user = security.getUserPrincipal();
        if (user == null) {
            return null;
        }
        Set<Access> access = EnumSet.noneOf(Access.class);
        if (security.isUserInRole(operateRole)) {
            access.addAll(EnumSet.allOf(Access.class));
        } else if (security.isUserInRole(readRole)) {
            access.add(Access.READ);
        }
        return new Caller(user.getName(), access);
    }
}
