package dev.selftest.spring;

import dev.selftest.api.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Says who is calling the control API, as the application's own security sees it. A caller it returns gets the
 * access it carries; {@code null} leaves the decision to the bearer-token rules. With Spring Security on the
 * classpath the default maps the authenticated user and {@code selftest.security.operate-role}; declare a bean of
 * this type to map callers differently (OAuth scopes, for example).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SelftestCallerResolver {

    /** The caller of {@code request}, or {@code null} when the application did not authenticate one. */
    @Nullable Caller resolve(HttpServletRequest request);
}
