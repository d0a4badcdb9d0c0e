package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.AsciiNumbers;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The consumer's printed lines, which says whether they were really written. A consumer commits what it has
 * printed, so a line that never arrived (a full disk, {@code > /dev/full}, a closed pipe) must not count as
 * printed: {@link PrintStream} swallows write errors, so each flush asks it ({@link PrintStream#checkError()}),
 * as {@code kafka-console-consumer} does ("Unable to write to standard out, closing consumer").
 *
 * <p>Lines collect as UTF-8 bytes in one buffer, written out when it holds the stream's buffer size (Cli.stdout)
 * and at each flush, rather than PrintStream.println's encoding and copying of each line under a lock (what that
 * cost is in docs/benchmarks.md). {@link ReceivedLines} writes the tutorial's lines as bytes straight
 * into it ({@link #append(byte[])}, {@link #appendDigits(long)}).
 */
public final class LineOutput {

    private static final int CHUNK = 1 << 16;

    private final PrintStream out;
    private final ReaderProbe probe;
    private byte[] buffer = new byte[CHUNK + 1024]; // not yet written
    private int length;
    private boolean failed;
    private Runnable beforeWrite = () -> { };

    public LineOutput(PrintStream out, ReaderProbe probe) {
        this.out = out;
        this.probe = probe;
    }

    /**
     * {@code action} runs before each write of buffered lines to the output, so what must be on record no later
     * than a line is printed ({@code --audit}'s ids) is written first, also when a kill comes mid-batch.
     */
    public void beforeEachWrite(Runnable action) {
        beforeWrite = action;
    }

    /** Buffers one line; whether it reached the output is known at the next {@link #flush()}. */
    public void write(String line) {
        append(line.getBytes(StandardCharsets.UTF_8));
        append((byte) '\n');
    }

    /** Buffers bytes of a line (UTF-8); as {@link #write(String)}. */
    public void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        maybeWrite();
    }

    /** Buffers a number >= 0 in ASCII digits. */
    public void appendDigits(long value) {
        ensure(AsciiNumbers.digits(value));
        length = AsciiNumbers.write(buffer, length, value);
    }

    private void append(byte b) {
        ensure(1);
        buffer[length++] = b;
        maybeWrite();
    }

    /** Writes out everything buffered; {@code true} when all lines written since the start were accepted. */
    public boolean flush() {
        if (!failed) {
            writeBuffer();
            failed |= out.checkError(); // flushes the PrintStream too, and reports any write that failed so far
        }
        return !failed;
    }

    /** Whether nobody reads the output any more, seen without writing (see {@link ReaderProbe}). */
    public boolean readerGone() {
        failed |= probe.readerGone();
        return failed;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void maybeWrite() {
        if (length >= CHUNK) {
            writeBuffer();
        }
    }

    private void writeBuffer() {
        if (length > 0 && !failed) {
            beforeWrite.run();
            out.write(buffer, 0, length);
        }
        length = 0;
    }
}
