package dev.selftest.cli.client;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The bearer token to send, and where it came from (never the token itself), so that a refusal can say what to fix.
 *
 * @param source such as {@code the environment variable SELFTEST_TOKEN} or {@code the file /run/secrets/token}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Credentials(Optional<String> token, String source) {

    /** What to check when the service refused the call. */
    public String hint() {
        return token.isPresent()
                ? "The CLI sent the token from " + source + "; it must equal the service's selftest.token "
                        + "(SELFTEST_TOKEN there)."
                : "The CLI sent no token: " + source + " is not set. Put the service's token there, or name another "
                        + "variable with --token-env or a file with --token-file.";
    }

    @Override
    public String toString() {
        return "Credentials[" + (token.isPresent() ? "token from " : "no token, ") + source + "]";
    }
}
