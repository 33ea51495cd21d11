package dev.selftest.internal.api;

import dev.selftest.api.Access;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.Caller;
import dev.selftest.internal.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Authorises control API requests: a caller authenticated by the host framework gets what it was granted;
 * otherwise a bearer token must match the operate token (everything) or the read token (reading only). With no token configured every protected endpoint is
 * off (fail closed). Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
 * does not depend on where or whether they differ.
 */
final class TokenGuard {
    private static final String BEARER = "Bearer ";
    private final byte @Nullable [] operateDigest;
    private final byte @Nullable [] readDigest;

    /**
     * @param operateToken grants every access
     * @param readToken    grants {@link Access#READ} only
     */
    TokenGuard(Optional<String> operateToken, Optional<String> readToken) {
        this.operateDigest = operateToken.map(TokenGuard::digest).orElse(null);
        this.readDigest = readToken.map(TokenGuard::digest).orElse(null);
    }

    /** True when the request may read (used to decide whether to show details on public endpoints). */
    boolean allows(ApiRequest request, Access required) {
        try {
            check(request, required);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** @throws ProblemException 401 or 403 with what to do about it */
    void check(ApiRequest request, Access required) {
        Caller caller = request.caller();
        if (caller != null) {
            if (!caller.may(required)) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "'" + caller.name() + "' lacks the " + required + " access this endpoint needs");
            }
            return;
        }
        if (operateDigest == null && readDigest == null) {
            throw new ProblemException(403, "control-api-off", "Control API is off",
                    "no token is configured, so only health is served; set the environment variable SELFTEST_TOKEN "
                            + "(or the property " + Settings.TOKEN + ") and send it as 'Authorization: Bearer <token>'");
        }
        Optional<String> header = request.headers().first("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("send the token as 'Authorization: Bearer <token>'");
        }
        byte[] given = digest(header.get().substring(BEARER.length()).trim());
        boolean operates = operateDigest != null && MessageDigest.isEqual(operateDigest, given);
        boolean reads = readDigest != null && MessageDigest.isEqual(readDigest, given);
        if (!operates && !reads) {
            throw unauthorized("the bearer token is not valid");
        }
        if (!operates && required == Access.OPERATE) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "the read token cannot start, cancel or clean up; use the operate token (selftest.token)");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, Map.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"selftest\""));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
