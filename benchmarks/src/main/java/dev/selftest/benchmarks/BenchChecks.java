package dev.selftest.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcConnectionPool;

/** The health checks the benchmarks use: the plain sample's database check, and a deliberately slow one. */
public final class BenchChecks {
    private BenchChecks() {
    }

    /** An in-memory H2 pool, like the plain sample's file database but without disk in the measurement. */
    public static JdbcConnectionPool database(String name) {
        return JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** UP when a pooled connection answers within a second: the plain sample's readiness check. */
    public static HealthCheck database(JdbcConnectionPool pool) {
        return () -> {
            try (Connection connection = pool.getConnection()) {
                return HealthCheckResponse.named("database").status(connection.isValid(1))
                        .withData("activeConnections", pool.getActiveConnections()).build();
            } catch (SQLException e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
            }
        };
    }

    /** Always UP, after {@code delay}: a dependency that answers slowly. */
    public static HealthCheck slow(Duration delay) {
        return () -> {
            pause(delay);
            return HealthCheckResponse.up("slow-dependency");
        };
    }

    /** Sleeps, keeping the interrupt. */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
