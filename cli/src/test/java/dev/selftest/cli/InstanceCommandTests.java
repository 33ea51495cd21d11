package dev.selftest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Selftest;
import dev.selftest.Sweeper;
import dev.selftest.health.HealthKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InstanceCommandTests {
    private final Instances instances = new Instances();
    private final Cli cli = new Cli();

    @AfterEach
    void stop() throws Exception {
        instances.close();
    }

    @Test
    void listShowsEveryScenarioWithItsSafetyTagsAndWhetherItMayRun() {
        String url = instances.start(Instances.scenario("catalogue.lists", c -> { }, "smoke", "critical"),
                Instances.scenario("orders.place", c -> { }, "orders"));

        assertThat(cli.run(List.of(url), "list")).isZero();

        assertThat(cli.out()).contains("environment: staging, 2 scenario(s)")
                .containsPattern("ID +SAFETY +TAGS +TIMEOUT +ALLOWED +LAST +PASS RATE")
                .containsPattern("catalogue.lists +READ_ONLY +critical,smoke +30s +yes +- +-")
                .containsPattern("orders.place +READ_ONLY +orders +30s +yes");
    }

    @Test
    void cleanupRunsTheSweepersOfEveryInstance() {
        String first = instances.start(Instances.selftest().sweeper(Sweeper.of("orders", context -> 3)).build());
        String second = instances.start(Instances.selftest().sweeper(Sweeper.of("payments", context -> {
            throw new IllegalStateException("payments database unreachable");
        })).build());

        int exitCode = cli.run(List.of(first, second), "cleanup");

        assertThat(exitCode).isEqualTo(SelftestCli.FAILED);
        assertThat(cli.out()).contains("  orders: removed 3")
                .contains("  payments: FAILED: IllegalStateException: payments database unreachable")
                .contains("NOT cleaned");
    }

    @Test
    void anUnreachableInstanceIsAnErrorAndTheOthersAreStillAsked() {
        String down = "http://127.0.0.1:" + Instances.freePort() + "/selftest";
        String up = instances.start(Instances.scenario("catalogue.lists", c -> { }));

        assertThat(cli.run(List.of(down, up), "list", "--timeout", "4s")).isEqualTo(SelftestCli.ERROR);

        assertThat(cli.err()).contains("cannot connect to " + down);
        assertThat(cli.out()).contains("catalogue.lists");
    }

    @Test
    void healthShowsEachCheckAndExitsOneWhenAnInstanceIsDown() throws Exception {
        Selftest healthy = Instances.selftest().healthCheck(HealthKind.READINESS,
                () -> HealthCheckResponse.named("database").up().withData("pool", "primary").build()).build();
        Selftest sick = Instances.selftest().healthCheck(HealthKind.READINESS,
                () -> HealthCheckResponse.named("database").down().withData("reason", "disk full").build()).build();
        String up = instances.start(healthy);
        String down = instances.start(sick);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!healthy.health().report(HealthKind.READINESS).isUp() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        Cli one = new Cli();
        assertThat(one.run(List.of(up), "health", "--probe", "ready")).isZero();
        assertThat(one.out()).containsPattern("127.0.0.1:\\d+  UP")
                .containsPattern("database +UP +\\{\"pool\":\"primary\"}");

        Cli both = new Cli();
        assertThat(both.run(List.of(up, down), "health")).isEqualTo(SelftestCli.FAILED);
        assertThat(both.out()).containsPattern("127.0.0.1:\\d+  DOWN")
                .containsPattern("database +DOWN +\\{\"reason\":\"disk full\"}");
    }

    @Test
    void healthOfSomethingThatIsNoHealthEndpointIsAnError() {
        String elsewhere = instances.start(Instances.scenario("catalogue.lists", c -> { }))
                .replace("/selftest", "/elsewhere");
        assertThat(cli.run(List.of(elsewhere), "health")).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.err()).contains("GET /elsewhere/health answered HTTP 404; a health endpoint answers 200 (UP)");
    }

    @Test
    void everyCommandHasCompleteHelp() {
        for (String command : new String[] {"list", "health", "cleanup"}) {
            Cli help = new Cli();
            assertThat(help.run(command, "--help")).isZero();
            assertThat(help.out()).contains("--url=URL", "--targets-file=FILE", "--token-env=VAR",
                    "--token-file=FILE", "--timeout=DURATION");
        }
    }
}
