package dev.selftest.cli;

import com.sun.net.httpserver.HttpServer;
import dev.selftest.ConfigSource;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioBody;
import dev.selftest.Selftest;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.ControlApi;
import dev.selftest.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real services on loopback for the CLI to call: each a {@link Selftest} on the embedded JDK server. */
final class Instances implements AutoCloseable {
    static final String TOKEN = "cli-test-token";

    private final List<AutoCloseable> open = new ArrayList<>();

    static Scenario scenario(String id, ScenarioBody body, String... tags) {
        return Scenario.builder(id).safety(Safety.READ_ONLY).tags(tags).body(body).build();
    }

    static Selftest.Builder selftest(Scenario... scenarios) {
        return Selftest.builder().config(ConfigSource.of(Map.of())).environment("staging").token(TOKEN)
                .setting("selftest.runner.interrupt-grace", "200ms")
                .setting("selftest.runner.shutdown-grace", "2s")
                .scenarios(List.of(scenarios));
    }

    /** Starts an instance with these scenarios; returns its control API URL. */
    String start(Scenario... scenarios) {
        return start(selftest(scenarios).build());
    }

    String start(Selftest selftest) {
        return startOn(selftest, 0);
    }

    String startOn(Selftest selftest, int port) {
        open.add(selftest);
        EmbeddedServer server = EmbeddedServer.start(selftest,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        open.add(server);
        return server.baseUri().toString();
    }

    /** Serves the control API with the event stream switched off (404), as an older or proxied service might. */
    String startWithoutEvents(Selftest selftest) throws IOException {
        open.add(selftest);
        ControlApi api = selftest.controlApi();
        ControlApi withoutEvents = new ControlApi() {
            @Override
            public ApiResponse handle(ApiRequest request) {
                return request.path().endsWith("/events")
                        ? ApiResponse.text(404, "text/plain", "no events here") : api.handle(request);
            }

            @Override
            public String basePath() {
                return api.basePath();
            }

            @Override
            public int maxRequestBytes() {
                return api.maxRequestBytes();
            }
        };
        HttpServer server = EmbeddedServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        EmbeddedServer.mount(server, withoutEvents);
        server.start();
        open.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/selftest";
    }

    /** A loopback port nothing listens on (for now). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
