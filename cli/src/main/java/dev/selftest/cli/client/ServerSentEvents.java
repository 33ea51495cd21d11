package dev.selftest.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/** Reads a {@code text/event-stream} body (the WHATWG server-sent events format) event by event. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServerSentEvents {

    /** One event: its name ({@code message} when none was given) and its data lines joined by newlines. */
    public record Event(String name, String data) {
    }

    private ServerSentEvents() {
    }

    /** Hands each complete event to {@code sink} until the stream ends; comments and ids are skipped. */
    public static void read(InputStream body, Consumer<Event> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String name = "message";
        List<String> data = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    sink.accept(new Event(name, String.join("\n", data)));
                }
                name = "message";
                data.clear();
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    data.add(value);
                }
            }
        }
    }
}
