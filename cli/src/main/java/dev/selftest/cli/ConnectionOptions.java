package dev.selftest.cli;

import dev.selftest.cli.client.Credentials;
import dev.selftest.cli.client.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which instances to call and how to authenticate: shared by every command. */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL", description = {
        "The control API of one instance, such as http://orders-1:8080/selftest (a URL without a path gets "
                + "/selftest). Repeat for several instances; they are called at once."})
    List<String> urls = new ArrayList<>();

    @Option(names = "--targets-file", paramLabel = "FILE", description = {
        "A file with one URL per line (blank lines and lines starting with # are ignored), such as the pod "
                + "addresses of a deployment. Adds to --url."})
    @Nullable Path targetsFile;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "SELFTEST_TOKEN", description = {
        "The environment variable holding the bearer token (default: ${DEFAULT-VALUE}). The token is never taken "
                + "as an argument: it would show in process lists and CI logs."})
    String tokenEnv = "SELFTEST_TOKEN";

    @Option(names = "--token-file", paramLabel = "FILE", description = {
        "A file holding the bearer token (such as a mounted secret); takes precedence over --token-env."})
    @Nullable Path tokenFile;

    /**
     * The instances, in order; two URLs on the same host and port get distinct labels.
     *
     * @throws IllegalArgumentException (a usage error) when none is given or a URL is invalid
     */
    List<Target> targets() {
        List<String> all = new ArrayList<>(urls);
        if (targetsFile != null) {
            try {
                Files.readAllLines(targetsFile, StandardCharsets.UTF_8).stream().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(all::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --targets-file " + targetsFile + ": " + e);
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("say which instance to call: --url https://host:port/selftest "
                    + "(repeatable) or --targets-file FILE");
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String url : all) {
            Target target = Target.parse(url);
            int count = seen.merge(target.label(), 1, Integer::sum);
            targets.add(count == 1 ? target : target.withLabel(target.label() + "#" + count));
        }
        return targets;
    }

    /** The token from --token-file, else from the --token-env variable; none when neither is set. */
    Credentials credentials(Map<String, String> environment) {
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("--token-file " + tokenFile + " is empty");
                }
                return new Credentials(Optional.of(token), "the file " + tokenFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --token-file " + tokenFile + ": " + e);
            }
        }
        Optional<String> token = Optional.ofNullable(environment.get(tokenEnv)).map(String::trim)
                .filter(value -> !value.isEmpty());
        return new Credentials(token, "the environment variable " + tokenEnv);
    }
}
