package dev.selftest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Run;
import dev.selftest.RunStatus;
import dev.selftest.Selftest;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

@Timeout(60)
class RunCommandTests {
    private final Instances instances = new Instances();
    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch release = new CountDownLatch(1);

    @TempDir
    Path reports;

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        instances.close();
    }

    private String passing() {
        return instances.start(Instances.scenario("catalogue.lists", c -> { }, "smoke"),
                Instances.scenario("orders.place", c -> { }, "smoke"));
    }

    private String failing() {
        return instances.start(Instances.scenario("catalogue.lists", c -> { }, "smoke"),
                Instances.scenario("orders.place", c -> {
                    throw new AssertionError("order total was 0");
                }, "smoke"));
    }

    @Test
    void allInstancesPassingExitsZeroWithOneValidReportPerInstance() throws Exception {
        List<String> urls = List.of(passing(), passing(), passing());

        int exitCode = cli.run(urls, "run", "--tags", "smoke", "--label", "commit=abc123",
                "--junit-xml", reports.toString(), "--progress", "plain");

        assertThat(exitCode).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("PASSED on all 3 instances.");
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(3);
        for (int i = 0; i < urls.size(); i++) {
            URI url = URI.create(urls.get(i));
            Path file = reports.resolve("TEST-selftest-127_0_0_1_" + url.getPort() + ".xml");
            assertThat(file).exists();
            JUnitSchema.validate(file);
            Element suite = JUnitSchema.suite(file);
            assertThat(suite.getAttribute("name")).isEqualTo("selftest.staging.127_0_0_1_" + url.getPort());
            assertThat(suite.getAttribute("tests")).isEqualTo("2");
            assertThat(JUnitSchema.property(suite, "selftest.instance")).isEqualTo(urls.get(i));
            assertThat(JUnitSchema.property(suite, "selftest.label.commit")).isEqualTo("abc123");
        }
    }

    @Test
    void aFailingScenarioOnOneInstanceExitsOneAndNamesIt() throws Exception {
        String good = passing();
        String bad = failing();
        Path jsonFile = reports.resolve("selftest.json");

        int exitCode = cli.run(List.of(good, bad), "run", "--progress", "plain", "--json", jsonFile.toString(),
                "--junit-xml", reports.toString());

        assertThat(exitCode).isEqualTo(SelftestCli.FAILED);
        String badLabel = "127.0.0.1:" + URI.create(bad).getPort();
        assertThat(cli.out())
                .contains("[" + badLabel + "] FAILED    orders.place (")
                .contains("Failures:\n  " + badLabel + "  FAILED    orders.place (")
                .contains("): order total was 0")
                .contains("FAILED on 1 of 2 instance(s) (exit code 1).");
        JsonNode report = json.readTree(jsonFile.toFile());
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        assertThat(report.get("instances").findValuesAsText("verdict")).containsExactly("PASSED", "FAILED");
        assertThat(report.get("instances").get(1).get("run").get("trigger").asText()).isEqualTo("deploy");
        Path badReport = reports.resolve("TEST-selftest-127_0_0_1_" + URI.create(bad).getPort() + ".xml");
        JUnitSchema.validate(badReport);
        assertThat(JUnitSchema.suite(badReport).getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void anInstanceThatIsDownExitsTwoWithAClearMessageAndAnErrorReport() throws Exception {
        String down = "http://127.0.0.1:" + Instances.freePort() + "/selftest";

        int exitCode = cli.run(List.of(down), "run", "--timeout", "2s", "--progress", "plain",
                "--junit-xml", reports.toString());

        assertThat(exitCode).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("cannot connect to " + down)
                .contains("kept trying until the timeout. Is the service up, and is the host and port right?")
                .contains("retrying in")
                .contains("UNKNOWN: no verdict from 1 of 1 instance(s); see Errors (exit code 2).");
        Path report = reports.resolve("TEST-selftest-127_0_0_1_" + URI.create(down).getPort() + ".xml");
        JUnitSchema.validate(report);
        assertThat(JUnitSchema.suite(report).getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void aFailureElsewhereDecidesEvenWhenAnotherInstanceIsDown() {
        String down = "http://127.0.0.1:" + Instances.freePort() + "/selftest";
        assertThat(cli.run(List.of(failing(), down), "run", "--timeout", "2s", "--progress", "plain"))
                .isEqualTo(SelftestCli.FAILED);
        assertThat(cli.out()).contains("FAILED on 1 of 2 instance(s); 1 could not be asked, see Errors (exit code 1).");
    }

    @Test
    void anInstanceThatStartsLateIsRetriedUntilItAnswers() {
        int port = Instances.freePort();
        Selftest late = Instances.selftest(Instances.scenario("catalogue.lists", c -> { })).build();
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instances.startOn(late, port);
        });

        int exitCode = cli.run(List.of("http://127.0.0.1:" + port + "/selftest"), "run", "--timeout", "30s",
                "--progress", "plain");

        starting.join();
        assertThat(exitCode).as(cli.out()).isZero();
        assertThat(cli.out()).contains("retrying in").contains("PASSED on the instance.");
    }

    @Test
    void aBusyInstanceIsRetriedWhenItSaysSo() throws Exception {
        Selftest busy = Instances.selftest(Instances.scenario("reports.monthly", c -> release.await()),
                Instances.scenario("catalogue.lists", c -> { }))
                .setting("selftest.runner.max-concurrent-runs", "1").build();
        String url = instances.start(busy);
        busy.start(dev.selftest.RunRequest.builder().scenarios("reports.monthly").build());

        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> cli.run(List.of(url), "run",
                "--scenario", "catalogue.lists", "--progress", "plain"));
        awaitOutput(cli, "busy (HTTP 429); retrying in 5s");
        release.countDown();

        assertThat(exitCode.get(30, TimeUnit.SECONDS)).as(cli.out()).isZero();
    }

    @Test
    void aWrongTokenExitsTwoAndSaysWhereTheTokenCameFrom() {
        int exitCode = cli.environment(Map.of("SELFTEST_TOKEN", "not-the-token"))
                .run(List.of(passing()), "run", "--progress", "plain");

        assertThat(exitCode).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("the token was refused (401): the bearer token is not valid. "
                + "The CLI sent the token from the environment variable SELFTEST_TOKEN; it must equal the "
                + "service's selftest.token");
    }

    @Test
    void aServiceWithoutATokenSaysItsControlApiIsOff() {
        String url = instances.start(Instances.selftest(Instances.scenario("catalogue.lists", c -> { }))
                .token("").build());

        assertThat(cli.run(List.of(url), "run", "--progress", "plain")).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("the control API is off on this instance: no token is configured");
    }

    @Test
    void noTokenAtAllSaysWhichVariableIsEmpty() {
        int exitCode = cli.environment(Map.of()).run(List.of(passing()), "run", "--progress", "plain");

        assertThat(exitCode).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("The CLI sent no token: the environment variable SELFTEST_TOKEN is not set");
    }

    @Test
    void theTokenMayComeFromAFileOrAnotherVariable() throws Exception {
        String url = passing();
        Path tokenFile = reports.resolve("token");
        Files.writeString(tokenFile, Instances.TOKEN + "\n");
        assertThat(new Cli().environment(Map.of()).run(List.of(url), "run", "--token-file", tokenFile.toString(),
                "--progress", "plain")).isZero();
        assertThat(new Cli().environment(Map.of("DEPLOY_TOKEN", Instances.TOKEN))
                .run(List.of(url), "run", "--token-env", "DEPLOY_TOKEN", "--progress", "plain")).isZero();
    }

    @Test
    void liveProgressShowsTheScenarioRunningNowFromServerSentEvents() throws Exception {
        String url = instances.start(Instances.scenario("catalogue.lists", c -> { }),
                Instances.scenario("reports.monthly", c -> release.await()));
        Cli live = new Cli().terminal();
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> live.run(List.of(url), "run"));

        // Only a scenario-started event tells which scenario runs now; polling never shows it.
        awaitOutput(live, "running  1/2 done  now: reports.monthly");
        release.countDown();

        assertThat(exitCode.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(live.out()).contains("\u001b[2K").contains("PASSED (2 passed)");
    }

    private static void awaitOutput(Cli running, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!running.out().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(running.out()).contains(text);
    }

    @Test
    void withoutAnEventStreamItFallsBackToPolling() throws Exception {
        String url = instances.startWithoutEvents(Instances.selftest(
                Instances.scenario("catalogue.lists", c -> { }),
                Instances.scenario("orders.place", c -> {
                    throw new AssertionError("order total was 0");
                })).build());

        int exitCode = cli.run(List.of(url), "run", "--progress", "plain");

        assertThat(exitCode).isEqualTo(SelftestCli.FAILED);
        assertThat(cli.out()).contains("live events unavailable; polling instead")
                .contains("PASSED    catalogue.lists (")
                .contains("FAILED    orders.place (");
    }

    @Test
    void aRunStillGoingAtTheTimeoutIsCancelledAndExitsOne() throws Exception {
        Selftest slow = Instances.selftest(Instances.scenario("reports.monthly", c -> release.await())).build();
        String url = instances.start(slow);

        int exitCode = cli.run(List.of(url), "run", "--timeout", "1500ms", "--progress", "plain",
                "--junit-xml", reports.toString());

        assertThat(exitCode).isEqualTo(SelftestCli.FAILED);
        assertThat(cli.out()).contains("TIMED_OUT").contains("did not finish within --timeout; cancelled it");
        Run run = slow.runs().get(0);
        assertThat(slow.await(run.id(), java.time.Duration.ofSeconds(10))).hasValueSatisfying(
                finished -> assertThat(finished.status()).isEqualTo(RunStatus.CANCELLED));
        File[] files = reports.toFile().listFiles();
        assertThat(files).hasSize(1);
        JUnitSchema.validate(files[0].toPath());
    }

    @Test
    void theSelectionReachesTheService() {
        Selftest selftest = Instances.selftest(Instances.scenario("catalogue.lists", c -> { }, "smoke"),
                Instances.scenario("orders.place", c -> { }, "slow"),
                Instances.scenario("orders.cancel", c -> { }, "smoke")).build();
        String url = instances.start(selftest);

        assertThat(cli.run(List.of(url), "run", "--tags", "smoke", "--scenario", "orders.cancel",
                "--trigger", "ci", "--label", "pipeline=42", "--progress", "plain")).isZero();

        Run run = selftest.runs().get(0);
        assertThat(run.scenarioIds()).containsExactly("orders.cancel");
        assertThat(run.trigger().wireName()).isEqualTo("ci");
        assertThat(run.labels()).containsEntry("pipeline", "42");
    }

    @Test
    void aSelectionTheServiceRefusesExitsTwoWithItsReason() {
        int exitCode = cli.run(List.of(passing()), "run", "--tags", "smoke &", "--progress", "plain");
        assertThat(exitCode).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("the service refused the request (400): invalid tag expression");
    }

    @Test
    void aUrlThatIsNoControlApiSaysSo() {
        String url = passing().replace("/selftest", "/actuator");
        assertThat(cli.run(List.of(url), "run", "--progress", "plain")).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.out()).contains("(404, not a Selftest control API). Is --url the control API's base");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli.run("run")).isEqualTo(SelftestCli.ERROR);
        assertThat(cli.err()).contains("say which instance to call: --url");
        assertThat(new Cli().run("run", "--url", "http://localhost:1", "--timeout", "soon"))
                .isEqualTo(SelftestCli.ERROR);
        assertThat(new Cli().run("run", "--url", "ftp://host/selftest")).isEqualTo(SelftestCli.ERROR);
        assertThat(new Cli().run("run", "--url", "http://localhost:1", "--trigger", "nightly"))
                .isEqualTo(SelftestCli.ERROR);
        assertThat(new Cli().run("frobnicate")).isEqualTo(SelftestCli.ERROR);
    }

    @Test
    void helpDescribesEveryOptionAndTheExitCodes() {
        Cli help = new Cli();
        assertThat(help.run("run", "--help")).isZero();
        assertThat(help.out()).contains("--url=URL", "--targets-file=FILE", "--tags=EXPR", "--scenario=ID",
                "--trigger=TRIGGER", "--label=KEY=VALUE", "--timeout=DURATION", "--junit-xml=DIR", "--json=FILE",
                "--token-env=VAR", "--token-file=FILE", "--progress=MODE", "Exit codes:",
                "1   a scenario failed or a run timed out on some instance");
    }

    @Test
    void targetsComeFromAFileToo() throws Exception {
        Path targets = reports.resolve("targets.txt");
        Files.writeString(targets, "# pods of orders\n" + passing() + "\n\n" + passing() + "\n");
        assertThat(cli.run("run", "--targets-file", targets.toString(), "--progress", "plain")).isZero();
        assertThat(cli.out()).contains("PASSED on all 2 instances.");
    }
}
