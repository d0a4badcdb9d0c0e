package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.AuditTally;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The group's audit state on disk: an append-only file of the event ids its consumers have read, one
 * {@code <partition> <event id>} line each, replayed into an {@link AuditTally} at start. The tally belongs to the
 * group, not to one process: a consumer restarted in the group counts what it reads again as duplicates.
 *
 * <p>Each printed batch is appended with one {@code write(2)} before the loop can commit it (auto commit runs in
 * the next {@code poll()}), so whatever the group has committed is in the file. No {@code fsync} per batch:
 * {@code kill -9} ends the process, not the kernel, and bytes written are in the page cache and reach the file
 * anyway; only a machine crash could lose them, and Kafka's own log is not fsynced per write either (it relies
 * on replication). The file is forced once, on close.
 */
public final class AuditLog implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final StringBuilder batch = new StringBuilder();

    private AuditLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The default file of {@code group}: in $XDG_CACHE_HOME (or ~/.cache), else the temp directory. */
    public static Path defaultFile(String group) {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")), ".cache");
        return base.resolve("user-activity-kafka").resolve("audit")
                .resolve(URLEncoder.encode(group, StandardCharsets.UTF_8) + ".ids");
    }

    /** Opens (creating) {@code file} and replays every complete line in it into {@code tally}; returns the lines. */
    public static AuditLog open(Path file, AuditTally tally) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        long complete = 0;
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--; // a line cut off by a crash mid-write is not counted, and is cut away below
            }
            complete = end;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(0, space).chars().allMatch(Character::isDigit)) {
                    tally.read(line.substring(space + 1), Integer.parseInt(line.substring(0, space)));
                }
            }
        }
        try (FileChannel cut = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            cut.truncate(complete);
        }
        // O_APPEND: a second consumer of the group on this machine appends too, without overwriting
        return new AuditLog(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    public Path file() {
        return file;
    }

    /** Adds one id read to the batch that {@link #flush()} appends. */
    public void add(int partition, String eventId) {
        batch.append(partition).append(' ').append(eventId).append('\n');
    }

    /** Appends the batch to the file. */
    public void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        batch.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try {
            // no flush(): ids left in the batch are of a batch that was not printed (a failed output)
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
