package dev.kafkatutorial.useractivity.consumer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The consumer's printed lines, which says whether they were really written. A consumer commits what it has
 * printed, so a line that never arrived (a full disk, {@code > /dev/full}, a closed pipe) must not count as
 * printed: {@link PrintStream} swallows write errors, so each flush asks it ({@link PrintStream#checkError()}),
 * as {@code kafka-console-consumer} does ("Unable to write to standard out, closing consumer").
 */
public final class LineOutput {

    private final PrintStream out;
    private final Writer lines; // out, through one UTF-8 encoder and a 64 KiB buffer; flushed after each batch
    private final ReaderProbe probe;
    private boolean failed;

    public LineOutput(PrintStream out, ReaderProbe probe) {
        this.out = out;
        // PrintStream.println encodes and copies each line on its own, under a lock: a tenth of the time when
        // rendering a topic to a file. Programs' streams are UTF-8 (Cli.stdout), so encode once per buffer.
        this.lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.probe = probe;
    }

    /** Buffers one line; whether it reached the output is known at the next {@link #flush()}. */
    public void write(String line) {
        if (failed) {
            return;
        }
        try {
            lines.write(line);
            lines.write('\n');
        } catch (IOException e) {
            failed = true; // the PrintStream below never throws; this is the encoder's buffer, for completeness
        }
    }

    /** Writes out everything buffered; {@code true} when all lines written since the start were accepted. */
    public boolean flush() {
        if (!failed) {
            try {
                lines.flush();
            } catch (IOException e) {
                failed = true;
            }
            failed |= out.checkError(); // flushes the PrintStream too, and reports any write that failed so far
        }
        return !failed;
    }

    /** Whether nobody reads the output any more, seen without writing (see {@link ReaderProbe}). */
    public boolean readerGone() {
        failed |= probe.readerGone();
        return failed;
    }
}
