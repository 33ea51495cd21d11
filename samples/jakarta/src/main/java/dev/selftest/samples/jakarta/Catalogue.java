package dev.selftest.samples.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Products and orders in the embedded H2 database, through the runtime's pooled {@link DataSource}. */
@ApplicationScoped
public class Catalogue {
    static final List<Product> SEED = List.of(
            new Product(1, "Espresso beans 1 kg", 2490),
            new Product(2, "Pour-over kettle", 5900),
            new Product(3, "Ceramic cup", 1250));
    private static final String ORDER_COLUMNS = "id, customer, product_id, quantity, status, created_at";

    @Inject
    DataSource dataSource;

    void createSchema(@Observes Startup startup) {
        execute("CREATE TABLE IF NOT EXISTS products (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                + "price_cents BIGINT NOT NULL)");
        execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "customer VARCHAR(200) NOT NULL, product_id BIGINT NOT NULL REFERENCES products(id), "
                + "quantity INT NOT NULL, status VARCHAR(20) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        if (products().isEmpty()) {
            reset();
        }
    }

    public List<Product> products() {
        return select("SELECT id, name, price_cents FROM products ORDER BY id",
                row -> new Product(row.getLong(1), row.getString(2), row.getLong(3)));
    }

    public Optional<Product> product(long id) {
        return products().stream().filter(product -> product.id() == id).findFirst();
    }

    /** Restores the seed products and drops everything else, orders included: shared state changes. */
    public void reset() {
        execute("DELETE FROM orders");
        execute("DELETE FROM products");
        for (Product product : SEED) {
            execute("INSERT INTO products (id, name, price_cents) VALUES (?, ?, ?)",
                    product.id(), product.name(), product.priceCents());
        }
    }

    public Order place(String customer, long productId, int quantity) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO orders "
                     + "(customer, product_id, quantity, status, created_at) VALUES (?, ?, ?, 'PLACED', ?)",
                     new String[] {"id"})) {
            bind(insert, customer, productId, quantity, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Order(keys.getLong(1), customer, productId, quantity, "PLACED", now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot place an order: " + e.getMessage(), e);
        }
    }

    public Optional<Order> order(long id) {
        return select("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?", Catalogue::toOrder, id)
                .stream().findFirst();
    }

    /** False when there is no such order. */
    public boolean cancel(long id) {
        return execute("UPDATE orders SET status = 'CANCELLED' WHERE id = ?", id) == 1;
    }

    /** False when there is no such order. */
    public boolean delete(long id) {
        return execute("DELETE FROM orders WHERE id = ?", id) == 1;
    }

    /** Deletes every order of a customer; returns how many. */
    public int deleteOrdersOf(String customer) {
        return execute("DELETE FROM orders WHERE customer = ?", customer);
    }

    /** Orders whose customer name starts with {@code prefix}, such as the test data of scenarios. */
    public List<Order> ordersOfCustomersStartingWith(String prefix) {
        return select("SELECT " + ORDER_COLUMNS + " FROM orders WHERE LEFT(customer, ?) = ?", Catalogue::toOrder,
                prefix.length(), prefix);
    }

    public List<Order> orders() {
        return select("SELECT " + ORDER_COLUMNS + " FROM orders ORDER BY id", Catalogue::toOrder);
    }

    /** Items ordered, as the daily report counts them. */
    public long totalQuantity() {
        return select("SELECT COALESCE(SUM(quantity), 0) FROM orders", row -> row.getLong(1)).get(0);
    }

    private static Order toOrder(ResultSet row) throws SQLException {
        return new Order(row.getLong(1), row.getString(2), row.getLong(3), row.getInt(4), row.getString(5),
                row.getTimestamp(6).toInstant());
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> select(String sql, Row<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
