package dev.kafkatutorial.useractivity.consumer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The consumer's printed lines, which says whether they were really written. A consumer commits what it has
 * printed, so a line that never arrived (a full disk, {@code > /dev/full}, a closed pipe) must not count as
 * printed: {@link PrintStream} swallows write errors, so each flush asks it ({@link PrintStream#checkError()}),
 * as {@code kafka-console-consumer} does ("Unable to write to standard out, closing consumer").
 */
public final class LineOutput {

    /** Lines are encoded in chunks of about this many chars, the size of the stream's buffer (Cli.stdout). */
    private static final int CHUNK_CHARS = 1 << 15;

    private final PrintStream out;
    private final StringBuilder lines = new StringBuilder(CHUNK_CHARS + 1024); // not yet encoded
    private final ReaderProbe probe;
    private boolean failed;

    public LineOutput(PrintStream out, ReaderProbe probe) {
        this.out = out;
        this.probe = probe;
    }

    /** Buffers one line; whether it reached the output is known at the next {@link #flush()}. */
    public void write(String line) {
        if (failed) {
            return;
        }
        lines.append(line).append('\n');
        if (lines.length() >= CHUNK_CHARS) {
            encode();
        }
    }

    /** Writes out everything buffered; {@code true} when all lines written since the start were accepted. */
    public boolean flush() {
        if (!failed) {
            encode();
            failed |= out.checkError(); // flushes the PrintStream too, and reports any write that failed so far
        }
        return !failed;
    }

    // PrintStream.println encodes and copies each line on its own, under a lock, and a Writer's CharsetEncoder
    // takes its slow path at every Korean character and emoji: each was a fifth of the time when rendering a
    // topic to a file. String.getBytes encodes a whole chunk in one tight loop. Programs' streams are UTF-8
    // (Cli.stdout).
    private void encode() {
        if (lines.length() > 0) {
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            lines.setLength(0);
        }
    }

    /** Whether nobody reads the output any more, seen without writing (see {@link ReaderProbe}). */
    public boolean readerGone() {
        failed |= probe.readerGone();
        return failed;
    }
}
