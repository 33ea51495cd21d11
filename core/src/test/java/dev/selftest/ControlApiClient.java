package dev.selftest;

import dev.selftest.testing.LoopbackHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A client for the control API of a running {@link dev.selftest.server.EmbeddedServer}, with a bearer token. */
final class ControlApiClient {
    private final LoopbackHttp http;

    ControlApiClient(URI base, String token) {
        this.http = new LoopbackHttp(base, token);
    }

    HttpResponse<String> post(String path, String json) {
        return http.post(path, json);
    }

    HttpResponse<String> get(String path) {
        return http.get(path);
    }

    /** Opens an event stream; the lines arrive as the server flushes them. */
    HttpResponse<Stream<String>> events(String path) {
        return http.send(http.request(path).GET(), HttpResponse.BodyHandlers.ofLines());
    }

    /** One server-sent event. */
    record Event(String name, String data) {
    }

    /** Reads server-sent events from a line iterator; null at the end of the stream. */
    static Event next(Iterator<String> lines) {
        String name = "message";
        List<String> data = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Event(name, String.join("\n", data));
                }
                continue;
            }
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            }
        }
        return null;
    }
}
