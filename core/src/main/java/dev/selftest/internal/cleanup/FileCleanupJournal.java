package dev.selftest.internal.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per event ({@code track} or {@code done}), appended and forced to disk before the call returns.
 * The journal is read once, skipping a torn or corrupt line with a warning; before the first write it is rewritten
 * with only the pending entries (through a temporary file and an atomic rename). One process writes a directory's
 * journal; another instance may read it.
 */
public final class FileCleanupJournal implements CleanupJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FileCleanupJournal.class);
    private static final String FILE_NAME = "cleanup.journal";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JournalEntry> pending = new LinkedHashMap<>();
    private @Nullable FileChannel channel;
    private boolean loaded;

    public FileCleanupJournal(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    @Override
    public synchronized void record(JournalEntry entry) {
        append(trackLine(entry));
        pending.put(entry.entryId(), entry);
    }

    @Override
    public synchronized void strike(String entryId) {
        if (pending.remove(entryId) != null) {
            ObjectNode line = json.createObjectNode();
            line.put("op", "done");
            line.put("entry", entryId);
            append(line);
        }
    }

    @Override
    public synchronized List<JournalEntry> pending() {
        load();
        return List.copyOf(pending.values());
    }

    private ObjectNode trackLine(JournalEntry entry) {
        ObjectNode line = json.createObjectNode();
        line.put("op", "track");
        line.put("entry", entry.entryId());
        line.put("type", entry.type());
        line.put("id", entry.resourceId());
        line.put("run", entry.runId());
        line.put("scenario", entry.scenarioId());
        line.put("at", entry.trackedAt().toString());
        return line;
    }

    private void append(ObjectNode line) {
        FileChannel out = open();
        try {
            ByteBuffer bytes = ByteBuffer.wrap((json.writeValueAsString(line) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cleanup journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens the journal for writing on first use: loads it, compacts it, and keeps it open for appending. */
    private FileChannel open() {
        if (channel != null) {
            return channel;
        }
        load();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                compact();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the cleanup journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cleanup journal " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                apply(json.readTree(line));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipping unreadable line {} of {} (a write cut short by a crash?)", i + 1, file);
            }
        }
    }

    private void apply(JsonNode line) {
        String entryId = line.get("entry").asText();
        if (line.get("op").asText().equals("done")) {
            pending.remove(entryId);
        } else {
            pending.put(entryId, new JournalEntry(entryId, line.get("type").asText(), line.get("id").asText(),
                    line.get("run").asText(), line.get("scenario").asText(), Instant.parse(line.get("at").asText())));
        }
    }

    private void compact() throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        List<String> lines = new ArrayList<>();
        for (JournalEntry entry : pending.values()) {
            lines.add(json.writeValueAsString(trackLine(entry)));
        }
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((lines.isEmpty() ? "" : String.join("\n", lines) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
