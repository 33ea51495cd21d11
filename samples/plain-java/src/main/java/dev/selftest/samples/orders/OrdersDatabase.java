package dev.selftest.samples.orders;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The orders database: an H2 file under the data directory, so data survives a restart like a real service's.
 * {@code WRITE_DELAY=0} makes every commit reach the file at once (H2 otherwise flushes up to 500 ms later).
 */
public final class OrdersDatabase implements AutoCloseable {
    private static final List<Product> SEED = List.of(
            new Product(1, "Espresso beans 1 kg", 2490),
            new Product(2, "Pour-over kettle", 5900),
            new Product(3, "Ceramic cup", 1250));

    private final JdbcConnectionPool pool;

    public OrdersDatabase(Path dataDirectory) {
        this.pool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("orders") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0",
                "sa", "");
        createSchema();
    }

    private void createSchema() {
        update("""
                CREATE TABLE IF NOT EXISTS products (
                  id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, price_cents BIGINT NOT NULL)""");
        update("""
                CREATE TABLE IF NOT EXISTS orders (
                  id BIGINT AUTO_INCREMENT PRIMARY KEY, customer VARCHAR(200) NOT NULL,
                  product_id BIGINT NOT NULL REFERENCES products(id), quantity INT NOT NULL,
                  status VARCHAR(20) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
        if (products().isEmpty()) {
            resetCatalogue();
        }
    }

    public List<Product> products() {
        return query("SELECT id, name, price_cents FROM products ORDER BY id", statement -> { },
                rs -> new Product(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    public Optional<Product> product(long id) {
        return query("SELECT id, name, price_cents FROM products WHERE id = ?", s -> s.setLong(1, id),
                rs -> new Product(rs.getLong(1), rs.getString(2), rs.getLong(3))).stream().findFirst();
    }

    /** Deletes the catalogue and writes the seed products again (orders of removed products go with them). */
    public void resetCatalogue() {
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM orders WHERE product_id NOT IN (1, 2, 3)");
                statement.executeUpdate("DELETE FROM products WHERE id NOT IN (1, 2, 3)");
            }
            for (Product product : SEED) {
                try (PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO products (id, name, price_cents) KEY (id) VALUES (?, ?, ?)")) {
                    merge.setLong(1, product.id());
                    merge.setString(2, product.name());
                    merge.setLong(3, product.priceCents());
                    merge.executeUpdate();
                }
            }
        });
    }

    public Order placeOrder(String customer, long productId, int quantity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO orders (customer, product_id, quantity, status, created_at) VALUES (?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, customer);
            insert.setLong(2, productId);
            insert.setInt(3, quantity);
            insert.setString(4, "PLACED");
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Order(keys.getLong(1), customer, productId, quantity, "PLACED", now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot place order: " + e.getMessage(), e);
        }
    }

    public Optional<Order> order(long id) {
        return query("SELECT id, customer, product_id, quantity, status, created_at FROM orders WHERE id = ?",
                s -> s.setLong(1, id), OrdersDatabase::order).stream().findFirst();
    }

    public List<Order> orders() {
        return query("SELECT id, customer, product_id, quantity, status, created_at FROM orders ORDER BY id",
                s -> { }, OrdersDatabase::order);
    }

    /** Marks an order cancelled; false when there is no such order. */
    public boolean cancelOrder(long id) {
        return update("UPDATE orders SET status = 'CANCELLED' WHERE id = ?", id) == 1;
    }

    /** Deletes an order; false when there is no such order. */
    public boolean deleteOrder(long id) {
        return update("DELETE FROM orders WHERE id = ?", id) == 1;
    }

    /** Deletes every order of one customer; returns how many. */
    public int deleteOrdersOf(String customer) {
        return update("DELETE FROM orders WHERE customer = ?", customer);
    }

    /** Orders whose customer name starts with {@code prefix}. */
    public List<Order> ordersOfCustomersStartingWith(String prefix) {
        return query("SELECT id, customer, product_id, quantity, status, created_at FROM orders "
                + "WHERE customer LIKE ? ESCAPE '\\' ORDER BY id", s -> s.setString(1, escapeLike(prefix) + "%"),
                OrdersDatabase::order);
    }

    /** The number of items ordered, as the daily report computes it. */
    public long totalQuantity() {
        return query("SELECT COALESCE(SUM(quantity), 0) FROM orders", s -> { }, rs -> rs.getLong(1)).get(0);
    }

    /** A MicroProfile Health check: UP when a pooled connection answers within a second. */
    public HealthCheckResponse health() {
        try (Connection connection = pool.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(1))
                    .withData("activeConnections", pool.getActiveConnections()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
    }

    private void inTransaction(Work work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("transaction failed: " + e.getMessage(), e);
        }
    }
}
