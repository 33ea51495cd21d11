package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.cli.client.Target;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the run on one instance ended.
 *
 * @param run      the final run as {@code GET /runs/{id}} shows it; null when no run could be started or read
 * @param junitXml the instance's JUnit XML report; null when it could not be fetched
 * @param error    why the CLI could not tell, or what else went wrong (such as the report being unavailable)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record InstanceResult(Target target, Verdict verdict, @Nullable String runId, @Nullable JsonNode run,
                             byte @Nullable [] junitXml, @Nullable String error) {

    static InstanceResult error(Target target, @Nullable String runId, String error) {
        return new InstanceResult(target, Verdict.ERROR, runId, null, null, error);
    }
}
