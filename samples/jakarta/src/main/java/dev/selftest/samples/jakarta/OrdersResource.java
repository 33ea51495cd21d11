package dev.selftest.samples.jakarta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The service's own API: {@code GET /products}, {@code GET /orders}, {@code POST /orders}, {@code GET /orders/{id}},
 * {@code POST /orders/{id}/cancel}. Errors are problem responses, like Selftest's.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {
    private static final int MAX_QUANTITY = 100;

    @Inject
    Catalogue catalogue;

    @Inject
    ObjectMapper json;

    @GET
    @Path("products")
    public List<Product> products() {
        return catalogue.products();
    }

    @GET
    @Path("orders")
    public List<Order> orders() {
        return catalogue.orders();
    }

    /** Reads the body itself, so that malformed JSON gets a problem response that says what is wrong. */
    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(String body) {
        OrderRequest request;
        try {
            request = json.readValue(body, OrderRequest.class);
        } catch (JsonProcessingException e) {
            return problem(400, "the body is not an order: " + e.getOriginalMessage());
        }
        if (request == null || request.customer() == null || request.customer().isBlank()) {
            return problem(400, "an order needs a customer");
        }
        if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
            return problem(400, "quantity must be between 1 and " + MAX_QUANTITY + ", was " + request.quantity());
        }
        if (catalogue.product(request.productId()).isEmpty()) {
            return problem(400, "no product " + request.productId());
        }
        Order order = catalogue.place(request.customer(), request.productId(), request.quantity());
        return Response.status(201).header("Location", "/orders/" + order.id()).entity(order).build();
    }

    @GET
    @Path("orders/{id: [0-9]{1,18}}")
    public Response order(@PathParam("id") long id) {
        return catalogue.order(id).map(order -> Response.ok(order).build())
                .orElseGet(() -> problem(404, "no order " + id));
    }

    @POST
    @Path("orders/{id: [0-9]{1,18}}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return catalogue.cancel(id) ? order(id) : problem(404, "no order " + id);
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("title", status == 404 ? "Not found" : "Invalid order", "status", status,
                        "detail", detail))
                .build();
    }
}
