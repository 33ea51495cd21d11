package dev.selftest.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.Selftest;
import dev.selftest.server.EmbeddedServer;
import dev.selftest.testing.LoopbackHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real HTTP client against a Selftest served by the embedded server on a free loopback port. */
final class Http implements AutoCloseable {
    static final String TOKEN = "s3cret-token";

    private final EmbeddedServer server;
    private final LoopbackHttp anonymous;

    Http(Selftest selftest) {
        this.server = EmbeddedServer.start(selftest, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.anonymous = new LoopbackHttp(server.baseUri(), null);
    }

    /** An anonymous GET below the base path, such as {@code /health/ready}. */
    HttpResponse<String> get(String path) {
        return anonymous.get(path);
    }

    /** A GET with the right bearer token. */
    HttpResponse<String> getAuthorized(String path) {
        return getWithToken(path, TOKEN);
    }

    HttpResponse<String> getWithToken(String path, String token) {
        return anonymous.withToken(token).get(path);
    }

    HttpResponse<String> send(String method, String path) {
        return anonymous.send(anonymous.request(path).method(method, HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return LoopbackHttp.json(response);
    }

    @Override
    public void close() {
        server.close();
    }
}
