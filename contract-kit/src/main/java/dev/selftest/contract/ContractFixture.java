package dev.selftest.contract;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a transport under contract test must serve: these scenarios and these settings. A transport test builds its
 * {@link Selftest} from them (directly, or through its framework's configuration) and points the kit at it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ContractFixture {
    /** The bearer token the kit sends. */
    public static final String TOKEN = "contract-token";
    /** The environment: a production one, so that the destructive scenario is refused. */
    public static final String ENVIRONMENT = "production";
    /** A scenario that passes at once. */
    public static final String PASSES = "contract.passes";
    /** A scenario whose assertion fails. */
    public static final String FAILS = "contract.fails";
    /** A scenario that runs until it is cancelled (or times out after a minute). */
    public static final String SLOW = "contract.slow";
    /** A scenario the production environment refuses. */
    public static final String DESTRUCTIVE = "contract.destructive";

    private ContractFixture() {
    }

    /** The {@code selftest.*} settings of the fixture. */
    public static Map<String, String> settings() {
        return Map.of("selftest.token", TOKEN, "selftest.environment", ENVIRONMENT);
    }

    /** The scenarios of the fixture. */
    public static List<Scenario> scenarios() {
        return List.of(
                Scenario.builder(PASSES).description("passes").tags("smoke").safety(Safety.READ_ONLY)
                        .body(context -> { }).build(),
                Scenario.builder(FAILS).description("fails").tags("smoke").safety(Safety.READ_ONLY)
                        .body(context -> {
                            throw new AssertionError("expected 1 product, found 0");
                        }).build(),
                Scenario.builder(SLOW).description("runs until cancelled").tags("slow").safety(Safety.READ_ONLY)
                        .timeout(Duration.ofMinutes(1)).body(context -> Thread.sleep(60_000)).build(),
                Scenario.builder(DESTRUCTIVE).description("resets everything").safety(Safety.DESTRUCTIVE)
                        .body(context -> { }).build());
    }

    /** A {@link Selftest} of the fixture, for transports that take one directly. */
    public static Selftest selftest() {
        Selftest.Builder builder = Selftest.builder().scenarios(scenarios());
        settings().forEach(builder::setting);
        return builder.build();
    }
}
