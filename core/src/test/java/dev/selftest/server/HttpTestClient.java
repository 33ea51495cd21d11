package dev.selftest.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.testing.LoopbackHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for tests against a real server: replies with their JSON parsed on demand. */
final class HttpTestClient {
    private final LoopbackHttp http;

    /** A response with its JSON body parsed when it has one. */
    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return LoopbackHttp.json(raw);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    HttpTestClient(URI base, String token) {
        this(new LoopbackHttp(base, token));
    }

    private HttpTestClient(LoopbackHttp http) {
        this.http = http;
    }

    HttpTestClient withToken(String otherToken) {
        return new HttpTestClient(http.withToken(otherToken));
    }

    Reply get(String path) {
        return reply(http.get(path));
    }

    Reply post(String path, String json) {
        return reply(http.post(path, json));
    }

    Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = http.request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Reply delete(String path) {
        return reply(http.send(http.request(path).DELETE(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response);
    }
}
