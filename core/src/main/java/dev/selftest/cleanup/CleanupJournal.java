package dev.selftest.cleanup;

import dev.selftest.internal.cleanup.FileCleanupJournal;
import dev.selftest.internal.cleanup.JdbcCleanupJournal;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * Where durable cleanup intents are kept until their resource is removed. Writes must be durable when the
 * method returns: an entry recorded before a crash is {@linkplain #pending() pending} after the restart.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CleanupJournal {

    /** Records that a resource must be removed. */
    void record(JournalEntry entry);

    /** Strikes an entry off once its resource is removed. */
    void strike(String entryId);

    /** Every entry recorded and not struck off, oldest first. */
    List<JournalEntry> pending();

    /**
     * An append-only file {@code cleanup.journal} in {@code directory}, fsync'd on every write; a torn last line
     * (a crash mid-write) is skipped, and the file is compacted when opened.
     */
    static CleanupJournal file(Path directory) {
        return new FileCleanupJournal(directory);
    }

    /** A table {@code selftest_cleanup_journal} in the application's own database, created if missing. */
    static CleanupJournal jdbc(DataSource dataSource) {
        return new JdbcCleanupJournal(dataSource);
    }
}
