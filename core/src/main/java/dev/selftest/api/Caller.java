package dev.selftest.api;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A caller already authenticated by the host framework's own security (Spring Security, a Jakarta
 * {@code SecurityContext}). When a transport passes one, Selftest trusts its access instead of checking the token.
 *
 * @param name   for logs
 * @param access what the framework granted
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Caller(String name, Set<Access> access) {
    public Caller {
        access = Set.copyOf(access);
    }

    public boolean may(Access required) {
        return access.contains(required);
    }
}
