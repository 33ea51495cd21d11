package dev.selftest.samples.jakarta;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The orders API as a client on loopback sees it, so that scenarios exercise the whole stack: HTTP, JSON, resource,
 * database. An unexpected status fails the scenario with what the service answered.
 */
@ApplicationScoped
class OrdersClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    HttpServer server;

    @Inject
    ObjectMapper json;

    List<Product> products() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri("/products")).GET(), 200,
                json.getTypeFactory().constructCollectionType(List.class, Product.class));
    }

    Order place(OrderRequest order) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri("/orders")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(order))), 201, type(Order.class));
    }

    Order cancel(long orderId) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri("/orders/" + orderId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200, type(Order.class));
    }

    /** The status the service answers for an order. */
    int statusOfOrder(long orderId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/orders/" + orderId)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    private <T> T call(HttpRequest.Builder builder, int expectedStatus, JavaType type)
            throws IOException, InterruptedException {
        HttpRequest request = builder.timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ", expected " + expectedStatus + ": " + response.body());
        }
        return json.readValue(response.body(), type);
    }
}
