package dev.selftest.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.selftest.Selftest;
import dev.selftest.api.ControlApi;
import dev.selftest.internal.threads.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Serves the control API on the JDK's own HTTP server, with no framework: either on a server of its own
 * ({@link #start}) or mounted on a server the application already runs ({@link #mount}).
 *
 * <p>Before the first server is created it sets two JDK properties, unless the application set them:
 * {@code sun.net.httpserver.nodelay=true} (on JDK 17 the server otherwise leaves TCP_NODELAY off and every
 * keep-alive response waits for a delayed ACK) and {@code sun.net.httpserver.maxReqTime=10} (seconds a client may
 * take to send a request; without it a slow client holds a request thread forever).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EmbeddedServer implements AutoCloseable {
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String basePath;

    private EmbeddedServer(HttpServer server, ExecutorService executor, String basePath) {
        this.server = server;
        this.executor = executor;
        this.basePath = basePath;
    }

    /** Starts a server of its own on {@code address} (port 0 picks a free port) with 8 request threads. */
    public static EmbeddedServer start(Selftest selftest, InetSocketAddress address) {
        return start(selftest, address, 8);
    }

    /** Starts a server of its own on {@code address} with a bounded pool of {@code threads} request threads. */
    public static EmbeddedServer start(Selftest selftest, InetSocketAddress address, int threads) {
        HttpServer server = create(address);
        ExecutorService executor = boundedExecutor(threads);
        server.setExecutor(executor);
        mount(server, selftest.controlApi());
        server.start();
        return new EmbeddedServer(server, executor, selftest.controlApi().basePath());
    }

    /** Creates a JDK server with TCP_NODELAY on and a request-time limit (see the class comment). */
    public static HttpServer create(InetSocketAddress address) {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
            System.setProperty(MAX_REQUEST_SECONDS, "10");
        }
        try {
            return HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Serves the control API under its base path on an existing server. */
    public static HttpContext mount(HttpServer server, ControlApi api) {
        return server.createContext(api.basePath(), new JdkHttpTransport(api, api.basePath()));
    }

    /**
     * A bounded pool for request threads: {@code threads} threads and a queue of 1024 requests; beyond that the
     * accepting thread serves the request itself, slowing down new connections rather than dropping them.
     */
    public static ExecutorService boundedExecutor(int threads) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                DaemonThreads.numbered("selftest-http"), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URI of the control API, such as {@code http://127.0.0.1:8080/selftest}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + basePath);
    }

    /** Stops accepting, closes connections and stops the request threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
