package dev.selftest.spring.internal;

import dev.selftest.api.Access;
import dev.selftest.api.Caller;
import dev.selftest.spring.SelftestCallerResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Maps the user Spring Security authenticated to a {@link Caller}: any authenticated user may read, one with the
 * operate authority may also operate. Anonymous callers get {@code null}: the bearer-token rules decide.
 *
 * @param operateAuthority such as {@code ROLE_SELFTEST_OPERATOR}
 */
public record SpringSecurityCallerResolver(String operateAuthority) implements SelftestCallerResolver {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public @Nullable Caller resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!TRUST.isAuthenticated(authentication)) {
            return null;
        }
        boolean operator = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(operateAuthority::equals);
        return new Caller(authentication.getName(), operator ? Set.of(Access.READ, Access.OPERATE) : Set.of(Access.READ));
    }
}
