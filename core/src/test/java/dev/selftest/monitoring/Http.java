package dev.selftest.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Selftest;
import dev.selftest.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against a Selftest served by the embedded server on a free loopback port. */
final class Http implements AutoCloseable {
    static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(Selftest selftest) {
        this.server = EmbeddedServer.start(selftest, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** An anonymous GET below the base path, such as {@code /health/ready}. */
    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET with the right bearer token. */
    HttpResponse<String> getAuthorized(String path) {
        return getWithToken(path, TOKEN);
    }

    HttpResponse<String> getWithToken(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
