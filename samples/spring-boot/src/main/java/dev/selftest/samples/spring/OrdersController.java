package dev.selftest.samples.spring;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The service's own HTTP API: the catalogue, orders and the daily report. */
@RestController
public class OrdersController {
    private final OrdersRepository repository;

    public OrdersController(OrdersRepository repository) {
        this.repository = repository;
    }

    /** What a customer sends to place an order. */
    public record NewOrder(String customer, long productId, int quantity) {
    }

    @GetMapping("/products")
    public List<Product> products() {
        return repository.products();
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public Order place(@RequestBody NewOrder order) {
        if (order.customer() == null || order.customer().isBlank() || order.quantity() < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "customer and a positive quantity are needed");
        }
        repository.product(order.productId()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "no product " + order.productId()));
        return repository.place(order.customer(), order.productId(), order.quantity());
    }

    @GetMapping("/orders/{id}")
    public Order order(@PathVariable long id) {
        return repository.order(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/orders/{id}/cancel")
    public Order cancel(@PathVariable long id) {
        if (!repository.cancel(id)) {
            throw notFound(id);
        }
        return order(id);
    }

    @GetMapping("/orders/report")
    public Map<String, Long> report() {
        return Map.of("orders", repository.count(), "items", repository.totalQuantity());
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id);
    }
}
