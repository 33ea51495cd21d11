package dev.selftest.internal.run;

import dev.selftest.Environment;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.SafetyPolicy;
import dev.selftest.Scenario;
import dev.selftest.internal.select.TagExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a run request into the scenarios to run, or refuses it with the reason. */
final class Selection {
    private static final int MAX_IDS = 1000;

    private Selection() {
    }

    /**
     * Explicit ids and the tag expression are combined: both given means scenarios named by id that also match the
     * expression. Neither given means every scenario the environment allows. Explicitly named or tag-matched
     * scenarios that the safety policy forbids refuse the whole request; an unfiltered request only skips them.
     */
    static List<Scenario> resolve(RunRequest request, Map<String, Scenario> registry, SafetyPolicy policy,
                                  Environment environment) {
        if (request.scenarioIds().size() > MAX_IDS) {
            throw RunRejectedException.invalidSelection("at most " + MAX_IDS + " scenario ids per run");
        }
        TagExpression tags;
        try {
            tags = request.tagExpression().map(TagExpression::parse).orElse(TagExpression.ALL);
        } catch (IllegalArgumentException e) {
            throw RunRejectedException.invalidSelection(e.getMessage());
        }
        List<Scenario> candidates = new ArrayList<>();
        if (request.scenarioIds().isEmpty()) {
            candidates.addAll(registry.values());
        } else {
            Set<String> unknown = new LinkedHashSet<>();
            for (String id : new LinkedHashSet<>(request.scenarioIds())) {
                Scenario scenario = registry.get(id);
                if (scenario == null) {
                    unknown.add(id);
                } else {
                    candidates.add(scenario);
                }
            }
            if (!unknown.isEmpty()) {
                throw RunRejectedException.invalidSelection("unknown scenario" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + "; GET the scenarios resource for the known ids");
            }
        }
        List<Scenario> selected = candidates.stream().filter(s -> tags.matches(s.tags())).toList();
        boolean filtered = !request.scenarioIds().isEmpty() || request.tagExpression().isPresent();

        Map<String, String> refused = new LinkedHashMap<>();
        List<Scenario> allowed = new ArrayList<>();
        for (Scenario scenario : selected) {
            policy.refusal(scenario, environment).ifPresentOrElse(
                    reason -> refused.put(scenario.id(), reason), () -> allowed.add(scenario));
        }
        if (filtered && !refused.isEmpty()) {
            throw RunRejectedException.forbidden(refused.size() + " selected scenario"
                    + (refused.size() > 1 ? "s are" : " is") + " not allowed in environment '" + environment.name()
                    + "': " + String.join(", ", refused.keySet()) + "; nothing was run", refused);
        }
        if (allowed.isEmpty()) {
            throw RunRejectedException.invalidSelection(selected.isEmpty()
                    ? "the selection matches no scenario" : "no selected scenario is allowed in environment '"
                    + environment.name() + "'");
        }
        return allowed;
    }
}
