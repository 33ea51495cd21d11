package dev.selftest;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Decides which scenarios may run in an environment. A refused scenario is never started.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SafetyPolicy {

    /** Why {@code scenario} may not run in {@code environment}, or empty when it may. */
    Optional<String> refusal(Scenario scenario, Environment environment);

    /**
     * The standard policy: {@link Safety#DESTRUCTIVE} scenarios never run in the given production environments,
     * everything else runs everywhere.
     */
    static SafetyPolicy standard(Set<String> productionEnvironments) {
        Set<String> production = Set.copyOf(productionEnvironments);
        return (scenario, environment) -> scenario.safety() == Safety.DESTRUCTIVE
                && production.contains(environment.name())
                ? Optional.of("DESTRUCTIVE scenarios never run in the production environment '"
                        + environment.name() + "'")
                : Optional.empty();
    }

    /** This policy, then {@code other}: a scenario runs only when both allow it. */
    default SafetyPolicy and(SafetyPolicy other) {
        return (scenario, environment) -> {
            Optional<String> own = refusal(scenario, environment);
            return own.isPresent() ? own : other.refusal(scenario, environment);
        };
    }
}
