package dev.selftest.samples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.selftest.Sweeper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own API: {@code GET /products}, {@code GET /orders}, {@code POST /orders}, {@code GET /orders/{id}},
 * {@code POST /orders/{id}/cancel}. Errors are problem responses, like Selftest's.
 */
final class OrdersHttp implements HttpHandler {
    private static final Pattern ORDER = Pattern.compile("/orders/(\\d{1,18})(/cancel)?");
    private static final int MAX_BODY = 16 * 1024;

    private final OrdersDatabase database;
    private final Counter ordersPlaced;
    private final ObjectMapper json = new ObjectMapper();

    /** @param meters where the functional KPI {@code orders.placed} (real customers' orders) is counted */
    OrdersHttp(OrdersDatabase database, MeterRegistry meters) {
        this.database = database;
        this.ordersPlaced = Counter.builder("orders.placed").description("Orders placed by customers")
                .tag("source", "api").register(meters);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher order = ORDER.matcher(path);
            if (path.equals("/products") && method.equals("GET")) {
                send(exchange, 200, database.products());
            } else if (path.equals("/orders") && method.equals("GET")) {
                send(exchange, 200, database.orders().stream().map(OrdersHttp::view).toList());
            } else if (path.equals("/orders") && method.equals("POST")) {
                placeOrder(exchange);
            } else if (order.matches() && order.group(2) == null && method.equals("GET")) {
                long id = Long.parseLong(order.group(1));
                database.order(id).ifPresentOrElse(found -> send(exchange, 200, view(found)),
                        () -> problem(exchange, 404, "no order " + id));
            } else if (order.matches() && order.group(2) != null && method.equals("POST")) {
                long id = Long.parseLong(order.group(1));
                if (database.cancelOrder(id)) {
                    send(exchange, 200, view(database.order(id).orElseThrow()));
                } else {
                    problem(exchange, 404, "no order " + id);
                }
            } else {
                problem(exchange, 404, "no such resource: " + method + " " + path);
            }
        }
    }

    private void placeOrder(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                problem(exchange, 413, "order body larger than " + MAX_BODY + " bytes");
                return;
            }
            body = json.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problem(exchange, 400, "body is not valid JSON");
            return;
        }
        if (body == null || !body.path("customer").isTextual() || body.path("customer").asText().isBlank()
                || !body.path("productId").canConvertToLong() || !body.path("quantity").canConvertToInt()) {
            problem(exchange, 400, "send {\"customer\": \"...\", \"productId\": 1, \"quantity\": 1}");
            return;
        }
        int quantity = body.get("quantity").asInt();
        long productId = body.get("productId").asLong();
        if (quantity < 1 || quantity > 100) {
            problem(exchange, 400, "quantity must be from 1 to 100");
        } else if (database.product(productId).isEmpty()) {
            problem(exchange, 400, "no product " + productId);
        } else {
            String customer = body.get("customer").asText();
            send(exchange, 201, view(database.placeOrder(customer, productId, quantity)));
            if (!customer.startsWith(Sweeper.TEST_DATA_PREFIX)) {
                ordersPlaced.increment(); // self-test orders count themselves, with source=selftest
            }
        }
    }

    private static Map<String, Object> view(Order order) {
        return Map.of("id", order.id(), "customer", order.customer(), "productId", order.productId(),
                "quantity", order.quantity(), "status", order.status(), "createdAt", order.createdAt().toString());
    }

    private void send(HttpExchange exchange, int status, Object body) {
        write(exchange, status, "application/json", body);
    }

    private void problem(HttpExchange exchange, int status, String detail) {
        write(exchange, status, "application/problem+json", Map.of("status", status, "detail", detail));
    }

    private void write(HttpExchange exchange, int status, String contentType, Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
