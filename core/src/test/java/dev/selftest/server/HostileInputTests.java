package dev.selftest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.ConfigSource;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests over real HTTP: the only answers are 4xx problems (or 2xx where the
 * request happens to be valid), never a 5xx; no threads leak; the service still runs a normal run afterwards.
 */
class HostileInputTests {
    private static final String TOKEN = "fuzz-token";
    private static final int REQUESTS = 10_000;
    private static final List<String> VALID_BODIES = List.of(
            "{\"scenarios\":[\"fuzz.quick\"],\"tags\":\"smoke & !slow\",\"trigger\":\"deploy\",\"labels\":{\"a\":\"b\"}}",
            "{\"tags\":\"(smoke | quick) & !destructive\"}",
            "{\"scenarios\":[],\"labels\":{}}");
    private static final List<String> PATHS = List.of("", "/", "/scenarios", "/runs", "/runs/20261123-142512-9f3c2a",
            "/runs/20261123-142512-9f3c2a/junit.xml", "/cleanup", "/runs/x/y/z", "/%2e%2e/%2e%2e/etc/passwd",
            "/runs/%00", "/runs/%zz", "/runs/\u00e9\u00e8", "//runs", "/runs?wait=%ff", "/runs?wait=-5s",
            "/runs?wait=99999999999h", "/runs?limit=-1", "/runs?limit=99999999999999", "/scenarios;jsessionid=1",
            "/" + "a".repeat(4000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "FOO");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/problem+json", "*/*",
            "application/json; charset=latin1", "");

    private final Random random = new Random(20261123);
    private Selftest selftest;
    private EmbeddedServer server;

    @BeforeEach
    void start() {
        selftest = Selftest.builder().config(ConfigSource.of(Map.of())).token(TOKEN)
                .setting("selftest.server.max-request-bytes", "8192")
                .setting("selftest.history.size", "20")
                .scenario(Scenario.builder("fuzz.quick").tags("smoke", "quick").safety(Safety.READ_ONLY)
                        .body(c -> { }).build())
                .build();
        server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
        selftest.close();
    }

    @Test
    void tenThousandMalformedRequestsGetOnly4xxAnd2xxAndTheServiceSurvives() throws Exception {
        HttpClient client = newClient();
        AtomicInteger resent = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, String> serverErrors = new ConcurrentHashMap<>();

        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> batches = new java.util.ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            long seed = random.nextLong();
            batches.add(senders.submit(() -> {
                Random local = new Random(seed);
                for (int i = 0; i < REQUESTS / 4; i++) {
                    HttpRequest request = hostileRequest(local);
                    int status = send(client, request, serverErrors, resent);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> batch : batches) {
            batch.get();
        }
        senders.shutdown();
        int rawStatuses = sendRawHostileRequests(500, statuses, serverErrors);

        assertThat(serverErrors).as("requests answered with 5xx or not at all").isEmpty();
        assertThat(resent).as("requests sent again after their connection closed unanswered")
                .hasValueLessThan(REQUESTS / 100);
        assertThat(statuses.keySet()).allMatch(status -> status < 500 && status != 0 && status != 1);
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS + rawStatuses);

        HttpTestClient normal = new HttpTestClient(server.baseUri(), TOKEN);
        HttpTestClient.Reply run = normal.post("/runs?wait=10s", "{\"scenarios\":[\"fuzz.quick\"]}");
        assertThat(run.status()).as(run.body()).isIn(201, 429);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                normal.post("/runs?wait=10s", "{\"scenarios\":[\"fuzz.quick\"]}").json().path("passed").asBoolean())
                .isTrue());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(selftestThreads()).as("Selftest's threads: request pool, run coordinators, cleanup")
                        .hasSizeLessThanOrEqualTo(8 + 2 + 1));
    }

    @Test
    void slowClientsAreCutOffSoTheyCannotHoldEveryRequestThread() throws Exception {
        List<Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET /selftest/scenarios HTTP/1.1\r\nHost: x\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            for (Socket socket : slow) {
                assertThat(closedByServer(socket)).as("the server closed the stalled request").isTrue();
            }
            HttpTestClient normal = new HttpTestClient(server.baseUri(), TOKEN);
            assertThat(normal.get("/scenarios").status()).isEqualTo(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static List<String> selftestThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("selftest-")).sorted().toList();
    }

    private HttpRequest hostileRequest(Random r) {
        String method = pick(r, METHODS);
        String path = pick(r, PATHS);
        String body = switch (r.nextInt(8)) {
            case 0 -> mutate(pick(r, VALID_BODIES), r);
            case 1 -> truncate(pick(r, VALID_BODIES), r);
            case 2 -> randomBytes(r, r.nextInt(200));
            case 3 -> "{\"tags\":\"" + "(".repeat(10_000) + "a" + ")".repeat(10_000) + "\"}";
            case 4 -> "{\"labels\":{\"k\":\"" + "x".repeat(9000 + r.nextInt(5000)) + "\"}}";
            case 5 -> "[".repeat(2000) + "]".repeat(2000);
            case 6 -> "{\"tags\":\"" + "!".repeat(r.nextInt(3000)) + "smoke\",\"scenarios\":[" + r.nextInt() + "]}";
            default -> pick(r, VALID_BODIES);
        };
        String token = switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> "Bearer " + randomToken(r);
            case 2 -> "Basic " + randomToken(r);
            case 3 -> "Bearer " + TOKEN.substring(0, r.nextInt(TOKEN.length()));
            default -> "Bearer " + TOKEN;
        };
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.baseUri() + path.replace(" ", "%20")
                    .replace("\u00e9", "%C3%A9").replace("\u00e8", "%C3%A8")));
        } catch (IllegalArgumentException e) {
            request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/runs%25zz"));
        }
        request.timeout(Duration.ofSeconds(15)).method(method, method.equals("GET") || method.equals("HEAD")
                || method.equals("TRACE") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        String contentType = pick(r, CONTENT_TYPES);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        if (r.nextInt(20) == 0) {
            request.header("X-Padding", "p".repeat(8000));
        }
        return request.build();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends a request and checks its answer. A request whose connection closes before any answer is sent once more,
     * on a connection of its own: the JDK client may hand it a pooled keep-alive connection at the moment the server
     * closes that connection, and retries only idempotent methods itself. A request the server cannot answer fails
     * both times, and {@code resent} counts how often the first try failed.
     */
    private static int send(HttpClient client, HttpRequest request, Map<String, String> serverErrors,
                            AtomicInteger resent) {
        try {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedUnanswered) {
                resent.incrementAndGet();
                response = newClient().send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() >= 500) {
                serverErrors.put(request.method() + " " + request.uri(), response.statusCode() + " " + response.body());
            }
            if (response.statusCode() >= 400 && !request.method().equals("HEAD")) {
                assertThat(response.headers().firstValue("Content-Type")).as(request.method() + " " + request.uri())
                        .contains("application/problem+json");
                assertThat(response.body()).doesNotContain("\tat ", "Exception");
            }
            return response.statusCode();
        } catch (IOException e) {
            serverErrors.put(request.method() + " " + request.uri(), "connection failed: " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Requests no well-behaved client sends: truncated bodies, lying lengths, broken request lines. */
    private int sendRawHostileRequests(int count, Map<Integer, AtomicInteger> statuses,
                                       Map<String, String> serverErrors) throws IOException {
        int answered = 0;
        for (int i = 0; i < count; i++) {
            String request = switch (i % 5) {
                case 0 -> "POST /selftest/runs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"tags\":";
                case 1 -> "GET /selftest/scenarios HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0000\u00ff\r\n\r\n";
                case 2 -> "POST /selftest/runs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
                case 3 -> "GET /selftest/%%%%/../runs HTTP/1.1\r\nHost: x\r\n\r\n";
                default -> "DELETE /selftest/runs/20261123-142512-9f3c2a HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + "Bearer " + "z".repeat(i) + "\r\n\r\n";
            };
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                String statusLine = readStatusLine(socket.getInputStream());
                if (statusLine.isEmpty()) {
                    continue;
                }
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                if (status >= 500) {
                    serverErrors.put("raw " + i, statusLine);
                }
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                answered++;
            }
        }
        return answered;
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
        } catch (java.net.SocketTimeoutException e) {
            return "";
        }
        return line.toString().trim();
    }

    private static String truncate(String body, Random r) {
        return body.substring(0, r.nextInt(body.length()));
    }

    private static String mutate(String body, Random r) {
        char[] chars = body.toCharArray();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            chars[r.nextInt(chars.length)] = (char) (32 + r.nextInt(95));
        }
        return new String(chars);
    }

    private static String randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String randomToken(Random r) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < r.nextInt(64); i++) {
            token.append((char) ('!' + r.nextInt(90)));
        }
        return token.toString();
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
