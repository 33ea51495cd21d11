package dev.selftest.internal.run;

import dev.selftest.ConfigSource;
import dev.selftest.Environment;
import dev.selftest.RunRequest;
import dev.selftest.SafetyPolicy;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Choosing the scenarios of a run by tag expression among 10,000: parsing the expression, matching every scenario
 * and applying the safety policy, exactly as a {@code POST /selftest/runs} with {@code tags} does. It lives in the
 * runner's package to call the package-private {@link Selection} that the runner itself calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SelectionBenchmark {
    /** Registered scenarios. */
    public static final int SCENARIOS = 10_000;
    private static final List<String> AREAS = List.of("orders", "payments", "catalogue", "accounts", "search",
            "shipping", "invoices", "returns", "reviews", "stock");

    @Param({"smoke", "smoke & !slow", "(orders | payments) & critical & !slow"})
    public String tags;

    private Map<String, Scenario> registry;
    private SafetyPolicy policy;
    private Environment environment;
    private RunRequest request;

    @Setup
    public void register() {
        registry = new LinkedHashMap<>();
        for (Scenario scenario : scenarios(SCENARIOS)) {
            registry.put(scenario.id(), scenario);
        }
        policy = SafetyPolicy.standard(Set.of("production"));
        environment = Environment.of("staging", ConfigSource.of(Map.of()));
        request = RunRequest.builder().tags(tags).build();
    }

    /** Scenarios spread over ten areas; half are smoke, a fifth critical, a seventh slow. */
    public static List<Scenario> scenarios(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Scenario.builder(
                        AREAS.get(i % AREAS.size()) + ".check-" + i)
                .tags(AREAS.get(i % AREAS.size()), i % 2 == 0 ? "smoke" : "regression",
                        i % 5 == 0 ? "critical" : "routine", i % 7 == 0 ? "slow" : "fast")
                .safety(Safety.READ_ONLY)
                .body(context -> { })
                .build()).toList();
    }

    /** The selected scenarios, in registration order. */
    @Benchmark
    public List<Scenario> select() {
        return Selection.resolve(request, registry, policy, environment);
    }
}
