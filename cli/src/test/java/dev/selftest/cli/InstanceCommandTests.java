package dev.selftest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.selftest.Sweeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InstanceCommandTests {
    private final Instances instances = new Instances();
    private final Cli cli = new Cli();
    private HttpServer health;

    @AfterEach
    void stop() throws Exception {
        instances.close();
        if (health != null) {
            health.stop(0);
        }
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

    /**
     * Health endpoints are built in parallel with the CLI; until they are on the server, a stub serves the documented
     * MicroProfile Health shape.
     */
    @Test
    void healthShowsEachCheckAndExitsOneWhenAnInstanceIsDown() throws IOException {
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        respond("/selftest/health/ready", 200, """
                {"status": "UP", "checks": [{"name": "selftest.scenarios", "status": "UP",
                 "data": {"failing": 0}}]}""");
        respond("/other/health/ready", 503, """
                {"status": "DOWN", "checks": [{"name": "selftest.scenarios", "status": "DOWN",
                 "data": {"failing": "orders.place"}}]}""");
        respond("/html/health/ready", 200, "<html>hello</html>");
        health.start();
        String base = "http://127.0.0.1:" + health.getAddress().getPort();

        Cli up = new Cli();
        assertThat(up.run(List.of(base + "/selftest"), "health", "--probe", "ready")).isZero();
        assertThat(up.out()).containsPattern("127.0.0.1:\\d+  UP")
                .containsPattern("selftest.scenarios +UP +\\{\"failing\":0}");

        Cli down = new Cli();
        assertThat(down.run(List.of(base + "/selftest", base + "/other"), "health", "--probe", "ready"))
                .isEqualTo(SelftestCli.FAILED);
        assertThat(down.out()).containsPattern("127.0.0.1:\\d+#2  DOWN");

        Cli notHealth = new Cli();
        assertThat(notHealth.run(List.of(base + "/html"), "health", "--probe", "ready"))
                .isEqualTo(SelftestCli.ERROR);
        assertThat(notHealth.err()).contains("did not answer with JSON");
    }

    private void respond(String path, int status, String body) {
        health.createContext(path, exchange -> {
            try (exchange) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
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
