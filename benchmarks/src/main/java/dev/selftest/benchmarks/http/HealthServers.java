package dev.selftest.benchmarks.http;

import com.sun.net.httpserver.HttpServer;
import dev.selftest.Selftest;
import dev.selftest.benchmarks.BenchChecks;
import dev.selftest.health.HealthKind;
import dev.selftest.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Starts one health server on loopback for {@code run-http.sh}, with 16 request threads like the plain sample:
 * <ul>
 *   <li>{@code bare PORT [SLOW_MILLIS]}: the JDK's {@link HttpServer} answering a constant health body, the near-limit
 *   (start it with and without {@code -Dsun.net.httpserver.nodelay=true}); with {@code SLOW_MILLIS} it waits that
 *   long on every request, as a server that runs its checks per request does;</li>
 *   <li>{@code selftest PORT [SLOW_MILLIS]}: Selftest's embedded server with the plain sample's database check and,
 *   with {@code SLOW_MILLIS}, a check that takes that long, both answered from their cached results.</li>
 * </ul>
 */
public final class HealthServers {
    /** The plain sample's health answer (database and scenario checks UP), as the bare server's constant body. */
    static final byte[] BODY = ("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
            + "{\"name\":\"scenarios\",\"status\":\"UP\"}]}").getBytes(StandardCharsets.UTF_8);
    private static final int THREADS = 16;

    private HealthServers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HealthServers bare|selftest PORT [SLOW_MILLIS]");
            System.exit(2);
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[1]));
        Duration slow = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
        switch (args[0]) {
            case "bare" -> bare(address, slow);
            case "selftest" -> selftest(address, slow);
            default -> {
                System.err.println("unknown server '" + args[0] + "': bare or selftest");
                System.exit(2);
            }
        }
        System.out.println("listening on " + address);
    }

    /** The JDK server with nothing behind it; TCP_NODELAY only if the command line set it. */
    private static void bare(InetSocketAddress address, Duration slow) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = EmbeddedServer.boundedExecutor(THREADS);
        server.setExecutor(executor);
        server.createContext("/selftest/health", exchange -> {
            try (exchange) {
                if (!slow.isZero()) {
                    BenchChecks.pause(slow);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                OutputStream body = exchange.getResponseBody();
                body.write(BODY);
            }
        });
        server.start();
    }

    private static void selftest(InetSocketAddress address, Duration slow) {
        JdbcConnectionPool database = BenchChecks.database("health-server");
        Selftest.Builder builder = Selftest.builder()
                .healthCheck(HealthKind.READINESS, BenchChecks.database(database));
        if (!slow.isZero()) {
            builder.healthCheck(HealthKind.READINESS, BenchChecks.slow(slow));
        }
        Selftest selftest = builder.build();
        EmbeddedServer.start(selftest, address, THREADS);
    }
}
