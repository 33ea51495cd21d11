package dev.selftest.internal.cleanup;

import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The journal as a table in the application's database: a row per pending entry, deleted when struck off. */
public final class JdbcCleanupJournal implements CleanupJournal {
    private static final String TABLE = "selftest_cleanup_journal";

    private final DataSource dataSource;
    private volatile boolean tableReady;

    public JdbcCleanupJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(JournalEntry entry) {
        execute("INSERT INTO " + TABLE + " (entry_id, type, resource_id, run_id, scenario_id, tracked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, entry.entryId());
                    statement.setString(2, entry.type());
                    statement.setString(3, entry.resourceId());
                    statement.setString(4, entry.runId());
                    statement.setString(5, entry.scenarioId());
                    statement.setTimestamp(6, Timestamp.from(entry.trackedAt()));
                    statement.executeUpdate();
                });
    }

    @Override
    public void strike(String entryId) {
        execute("DELETE FROM " + TABLE + " WHERE entry_id = ?", statement -> {
            statement.setString(1, entryId);
            statement.executeUpdate();
        });
    }

    @Override
    public List<JournalEntry> pending() {
        List<JournalEntry> entries = new ArrayList<>();
        execute("SELECT entry_id, type, resource_id, run_id, scenario_id, tracked_at FROM " + TABLE
                + " ORDER BY tracked_at, entry_id", statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            entries.add(new JournalEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant()));
                        }
                    }
                });
        return entries;
    }

    @FunctionalInterface
    private interface StatementWork {
        void run(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, StatementWork work) {
        try (Connection connection = dataSource.getConnection()) {
            ensureTable(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                work.run(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cleanup journal table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private void ensureTable(Connection connection) throws SQLException {
        if (tableReady) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (entry_id VARCHAR(64) PRIMARY KEY, "
                    + "type VARCHAR(100) NOT NULL, resource_id VARCHAR(500) NOT NULL, run_id VARCHAR(64) NOT NULL, "
                    + "scenario_id VARCHAR(200) NOT NULL, tracked_at TIMESTAMP NOT NULL)");
        }
        tableReady = true;
    }
}
