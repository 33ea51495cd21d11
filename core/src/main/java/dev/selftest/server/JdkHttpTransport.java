package dev.selftest.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.ControlApi;
import dev.selftest.api.QueryString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** Translates JDK {@link HttpExchange}s to the {@link ControlApi} and back; nothing else. */
final class JdkHttpTransport implements HttpHandler {
    private final ControlApi api;
    private final String basePath;

    JdkHttpTransport(ControlApi api, String basePath) {
        this.api = api;
        this.basePath = basePath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response = api.handle(toRequest(exchange));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            boolean empty = head || response.fixedLength() == 0 || response.status() == 204;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : Math.max(0, response.fixedLength()));
            if (!empty) {
                OutputStream body = exchange.getResponseBody();
                response.body().writeTo(body);
                body.flush();
            }
        }
    }

    private ApiRequest toRequest(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String below = rawPath.length() > basePath.length() ? rawPath.substring(basePath.length()) : "";
        String path = below.startsWith("/") || below.isEmpty() ? below : "/" + below;
        ApiRequest.Headers headers = name -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
        return new ApiRequest(exchange.getRequestMethod(), basePath, QueryString.decode(path),
                QueryString.parse(exchange.getRequestURI().getRawQuery()), headers, exchange.getRequestBody(), null);
    }
}
