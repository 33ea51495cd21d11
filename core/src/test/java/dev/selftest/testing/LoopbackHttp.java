package dev.selftest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The JDK HTTP client the tests talk to a real server on loopback with: requests below a base URI, with a bearer
 * token when one is given, and a failed exchange failing the test. The tests' own clients add what they assert on.
 */
public final class LoopbackHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final @Nullable String token;

    /** Requests below {@code base}, with {@code Authorization: Bearer <token>} unless {@code token} is null. */
    public LoopbackHttp(URI base, @Nullable String token) {
        this.base = base;
        this.token = token;
    }

    /** The same server with another bearer token (or none). */
    public LoopbackHttp withToken(@Nullable String otherToken) {
        return new LoopbackHttp(base, otherToken);
    }

    /** A request for {@code path} below the base URI, timing out after 30 seconds. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** A GET whose body is read as text. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body. */
    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    /** The response's body as JSON; a body that is not JSON fails the test. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Sends the request; an exchange that fails (or is interrupted) fails the test. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an answer", e);
        }
    }
}
