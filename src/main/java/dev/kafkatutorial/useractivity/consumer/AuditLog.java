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
 * The group's audit record on disk: an append-only file of the event ids its consumers have printed, one
 * {@code <partition> <event id>} line each, replayed into an {@link AuditTally} at start as read before. The
 * record belongs to the group, not to one process: a consumer restarted in the group counts what it reads again
 * as duplicates. A one-off read without {@code --group} keeps none (its group is never used again).
 *
 * <p>The ids are appended, one {@code write(2)} at a time, before the lines that print them are written
 * ({@link LineOutput#beforeEachWrite}): whatever reached the output, and so whatever the group may have
 * committed, is in the file, also after {@code kill -9} in mid-batch. The price is the other way round: a line
 * whose write failed (or that a kill cut off) may be in the file without having been printed. No {@code fsync}
 * per write: {@code kill -9} ends the process, not the kernel, and bytes written are in the page cache and reach
 * the file anyway; only a machine crash could lose them, and Kafka's own log is not fsynced per write either (it
 * relies on replication). The file is forced once, on close.
 */
public final class AuditLog implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final long replayed;
    private final StringBuilder batch = new StringBuilder();

    private AuditLog(Path file, FileChannel channel, long replayed) {
        this.file = file;
        this.channel = channel;
        this.replayed = replayed;
    }

    /** The default file of {@code group}: in $XDG_CACHE_HOME (or ~/.cache), else the temp directory. */
    public static Path defaultFile(String group) {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")), ".cache");
        return base.resolve("user-activity-kafka").resolve("audit")
                .resolve(URLEncoder.encode(group, StandardCharsets.UTF_8) + ".ids");
    }

    /** Opens (creating) {@code file} and replays every complete line in it into {@code tally}, as read before. */
    public static AuditLog open(Path file, AuditTally tally) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        long complete = 0;
        long replayed = 0;
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--; // a line cut off by a crash mid-write is not counted, and is cut away below
            }
            complete = end;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(0, space).chars().allMatch(Character::isDigit)
                        && tally.readBefore(line.substring(space + 1))) {
                    replayed++;
                }
            }
        }
        try (FileChannel cut = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            cut.truncate(complete);
        }
        // O_APPEND: a second consumer of the group on this machine appends too, without overwriting
        return new AuditLog(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                replayed);
    }

    public Path file() {
        return file;
    }

    /** The ids the file held when it was opened: what the group had read before. */
    public long replayed() {
        return replayed;
    }

    /** Adds one id read to the batch that {@link #flush()} appends, before its line is written. */
    public void add(int partition, String eventId) {
        batch.append(partition).append(' ').append(eventId).append('\n');
    }

    /** Appends the batch to the file: called before the output writes the lines of these ids. */
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
            // no flush(): ids left in the batch are of lines that never went to the output (it had failed)
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
