package dev.selftest.samples.spring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Products and orders in the database, through Spring's {@link JdbcClient}. */
@Repository
public class OrdersRepository {
    private static final List<Product> SEED = List.of(
            new Product(1, "Espresso beans 1 kg", 2490),
            new Product(2, "Pour-over kettle", 5900),
            new Product(3, "Ceramic cup", 1250));

    private final JdbcClient jdbc;

    public OrdersRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Product> products() {
        return jdbc.sql("SELECT id, name, price_cents FROM products ORDER BY id").query(Product.class).list();
    }

    public Optional<Product> product(long id) {
        return jdbc.sql("SELECT id, name, price_cents FROM products WHERE id = ?").param(id)
                .query(Product.class).optional();
    }

    public Order place(String customer, long productId, int quantity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer, product_id, quantity, status, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(customer, productId, quantity, Order.PLACED, now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Order(keys.getKey().longValue(), customer, productId, quantity, Order.PLACED, now);
    }

    public Optional<Order> order(long id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id).query(OrdersRepository::order).optional();
    }

    public List<Order> orders() {
        return jdbc.sql("SELECT * FROM orders ORDER BY id").query(OrdersRepository::order).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }

    /** The report's total: items ordered and not cancelled. */
    public long totalQuantity() {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM orders").query(Long.class).single();
    }

    /** Marks an order cancelled; false when there is no such order. */
    public boolean cancel(long id) {
        return jdbc.sql("UPDATE orders SET status = ? WHERE id = ?").params(Order.CANCELLED, id).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM orders WHERE id = ?").param(id).update() == 1;
    }

    /** Orders of customers whose name starts with {@code prefix}. */
    public List<Order> ordersOfCustomersStartingWith(String prefix) {
        return jdbc.sql("SELECT * FROM orders WHERE customer LIKE ? ESCAPE '\\' ORDER BY id")
                .param(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(OrdersRepository::order).list();
    }

    /** Deletes the catalogue and writes the seed products again (orders of removed products go with them). */
    @Transactional
    public void resetCatalogue() {
        jdbc.sql("DELETE FROM orders WHERE product_id NOT IN (1, 2, 3)").update();
        jdbc.sql("DELETE FROM products WHERE id NOT IN (1, 2, 3)").update();
        for (Product product : SEED) {
            jdbc.sql("MERGE INTO products (id, name, price_cents) KEY (id) VALUES (?, ?, ?)")
                    .params(product.id(), product.name(), product.priceCents()).update();
        }
    }

    private static Order order(ResultSet row, int number) throws SQLException {
        return new Order(row.getLong("id"), row.getString("customer"), row.getLong("product_id"),
                row.getInt("quantity"), row.getString("status"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
