package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.EventIdHeader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code consumer --audit}: counts the event ids the consumer prints in the group's {@link AuditTally}, kept in
 * its {@link AuditLog}, says on stderr when a run's first duplicate or first gap appears, and prints the table
 * at exit. {@link #OFF} does nothing, so the loop calls it unconditionally.
 */
public class Audit {

    /** No --audit. */
    public static final Audit OFF = new Audit(null, null, null, null) {
        @Override
        public void read(ConsumerRecord<?, ?> record) {
        }

        @Override
        public void printed() {
        }

        @Override
        public void close() {
        }
    };

    private final AuditTally tally;
    private final AuditLog log;
    private final AuditLines lines;
    private final PrintStream err;

    private Audit(AuditTally tally, AuditLog log, AuditLines lines, PrintStream err) {
        this.tally = tally;
        this.log = log;
        this.lines = lines;
        this.err = err;
    }

    /** {@code --audit}: the group's file ({@code --audit-file}, else the default one), or {@link #OFF}. */
    public static Audit of(ConsumerOptions options, PrintStream err) {
        if (!options.audit()) {
            return OFF;
        }
        Path file = options.auditFile() != null ? options.auditFile() : AuditLog.defaultFile(options.group());
        return open(file, options.group(), new AuditLines(options.client().language()), err);
    }

    /** Opens the group's file (replaying what the group read before) and says where it is. */
    public static Audit open(Path file, String group, AuditLines lines, PrintStream err) {
        AuditTally tally = new AuditTally();
        try {
            AuditLog log = AuditLog.open(file, tally);
            err.println(lines.auditFile(group, file, tally.rows().stream().mapToLong(AuditTally.Row::received).sum()));
            return new Audit(tally, log, lines, err);
        } catch (IOException e) {
            throw new UncheckedIOException(lines.auditFileFailed(file, String.valueOf(e.getMessage())), e);
        }
    }

    /** One record printed. */
    public void read(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventIdHeader.NAME);
        String id = header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        AuditTally.Outcome outcome = tally.read(id, record.partition());
        if (outcome == AuditTally.Outcome.NO_ID) {
            return;
        }
        log.add(record.partition(), id);
        String run = id.substring(0, id.lastIndexOf('-'));
        if (outcome == AuditTally.Outcome.FIRST_DUPLICATE) {
            err.println(lines.auditFirstDuplicate(run, id, record.partition(), record.offset()));
        } else if (outcome == AuditTally.Outcome.FIRST_GAP) {
            Map.Entry<Long, Long> gap = tally.gaps(run).entrySet().iterator().next();
            err.println(lines.auditFirstGap(run, gap.getKey(), gap.getValue()));
        }
    }

    /** The batch was printed: append its ids to the file, before any commit can count it as read. */
    public void printed() {
        try {
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(failed(log.file(), e), e);
        }
    }

    /** At exit: the table, per producer run, of everything the group has read (this run and those before). */
    public void close() {
        try {
            log.close();
        } catch (IOException e) {
            err.println(failed(log.file(), e));
        }
        err.println(lines.auditTableHeader());
        for (AuditTally.Row row : tally.rows()) {
            err.println(lines.auditTableRow(row.run(), row.received(), row.duplicates(), row.missing(),
                    row.outOfOrder(), tally.gaps(row.run())));
        }
        if (tally.withoutId() > 0) {
            err.println(lines.auditWithoutId(tally.withoutId()));
        }
    }

    private String failed(Path file, IOException e) {
        return lines.auditFileFailed(file, String.valueOf(e.getMessage()));
    }
}
