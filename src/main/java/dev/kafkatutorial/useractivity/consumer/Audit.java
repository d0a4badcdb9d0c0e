package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * {@code consumer --audit}: counts the event ids this run prints ({@link AuditTally}: received, duplicates of what
 * the group read before, out of order), what it was meant to read and found deleted ({@link AuditScope}:
 * missing, per partition assigned to it), keeps the ids in the group's {@link AuditLog} before their lines are
 * written, and prints the figures at exit with what they covered. A run that was assigned no partition says so,
 * and that nothing was audited. {@link #OFF} does nothing, so the loop calls it unconditionally.
 */
public class Audit {

    /** No --audit. */
    public static final Audit OFF = new Audit(null, null, null, null, AuditSettings.NONE, null) {
        @Override
        public Audit on(Consumer<?, ?> consumer) {
            return this;
        }

        @Override
        public ConsumerRebalanceListener around(ConsumerRebalanceListener next) {
            return next;
        }

        @Override
        public void assigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void read(ConsumerRecord<?, ?> record) {
        }

        @Override
        public void beforePrinting() {
        }

        @Override
        public void printed() {
        }

        @Override
        public boolean close(boolean failed) {
            return true;
        }
    };

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private final AuditTally tally;
    private final AuditLog log; // null: a one-off read keeps no record
    private final AuditLines lines;
    private final PrintStream err;
    private final AuditSettings settings;
    private final LogStarts logStarts;
    private final AuditScope scope = new AuditScope();
    private Consumer<?, ?> consumer;
    private boolean shareGroup; // --share-group: records, not offset ranges, are this member's to read

    private Audit(AuditTally tally, AuditLog log, AuditLines lines, PrintStream err, AuditSettings settings,
                  LogStarts logStarts) {
        this.tally = tally;
        this.log = log;
        this.lines = lines;
        this.err = err;
        this.settings = settings;
        this.logStarts = logStarts;
    }

    /**
     * {@code --audit}: the group's file ({@code --audit-file}, else the group's default one; none for a one-off
     * read without {@code --group}, whose group is never used again), or {@link #OFF}.
     */
    public static Audit of(ConsumerOptions options, Map<String, Object> config, PrintStream err) {
        if (!options.audit()) {
            return OFF;
        }
        Path file = options.auditFile() != null ? options.auditFile()
                : options.isThrowAwayGroup() ? null : AuditLog.defaultFile(options.group());
        return open(file, options.group(), new AuditLines(options.client().language()), err,
                AuditSettings.of(options, config), LogStarts.admin(options.client()));
    }

    /**
     * {@code --audit} for a share group's member ({@code --share-group}): the group's file, so a record another
     * run of the group printed and the broker delivered again counts as a duplicate; no "missing" figure, since
     * a member is handed some records of each partition, never a range of offsets it alone should read.
     */
    public static Audit ofShareGroup(ConsumerOptions options, PrintStream err) {
        if (!options.audit()) {
            return OFF;
        }
        Path file = options.auditFile() != null ? options.auditFile() : AuditLog.defaultFile(options.shareGroup());
        Audit audit = open(file, options.shareGroup(), new AuditLines(options.client().language()), err,
                AuditSettings.NONE, LogStarts.NONE);
        audit.shareGroup = true;
        return audit;
    }

    /** Opens the group's file, if any (replaying what the group read before), and says where it is. */
    static Audit open(Path file, String group, AuditLines lines, PrintStream err, AuditSettings settings,
                      LogStarts logStarts) {
        AuditTally tally = new AuditTally();
        if (file == null) {
            err.println(lines.auditOneOff());
            return new Audit(tally, null, lines, err, settings, logStarts);
        }
        try {
            AuditLog log = AuditLog.open(file, tally);
            err.println(lines.auditFile(group, file, log.replayed()));
            return new Audit(tally, log, lines, err, settings, logStarts);
        } catch (IOException e) {
            throw new UncheckedIOException(lines.auditFileFailed(file, String.valueOf(e.getMessage())), e);
        }
    }

    /** The consumer whose positions the audit asks for at each assignment. */
    public Audit on(Consumer<?, ?> consumer) {
        this.consumer = consumer;
        return this;
    }

    /** {@code next}, then the audit learns where each assigned partition starts; and which went away. */
    public ConsumerRebalanceListener around(ConsumerRebalanceListener next) {
        return AssignmentHook.after(next, this::assigned, scope::gone);
    }

    /**
     * Partitions assigned, their positions set (seeks done): each is read from its position on. A group's commit
     * that was deleted meanwhile shows at the first record, after the gap the consumer's reset left.
     */
    public void assigned(Collection<TopicPartition> partitions) {
        scope.rebalanced();
        try {
            // A group's commit below where reading starts was deleted before the group read on (retention): the
            // consumer starts at the log start, but what the group was meant to read starts at its commit.
            Map<TopicPartition, OffsetAndMetadata> committed = partitions.isEmpty() ? Map.of()
                    : consumer.committed(new java.util.HashSet<>(partitions), WAIT);
            for (TopicPartition tp : partitions) {
                long position = consumer.position(tp, WAIT); // known already (the lag line asked): no request
                OffsetAndMetadata commit = committed.get(tp);
                scope.assigned(tp, commit != null && commit.offset() < position ? commit.offset() : position);
            }
        } catch (KafkaException | IllegalStateException e) {
            scope.assignedWithoutStart(); // no answer now: a stretch starts at its first record read (AuditScope.read)
        }
    }

    /** One record about to be printed: counted, and its id queued for the file, which gets it before its line. */
    public void read(ConsumerRecord<?, ?> record) {
        scope.read(new TopicPartition(record.topic(), record.partition()), record.offset());
        Header header = record.headers().lastHeader(EventIdHeader.NAME);
        String id = header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        AuditTally.Outcome outcome = tally.read(id, record.partition());
        if (outcome == AuditTally.Outcome.NO_ID) {
            return;
        }
        if (log != null) {
            log.add(record.partition(), id);
        }
        if (outcome == AuditTally.Outcome.FIRST_DUPLICATE) {
            err.println(lines.auditFirstDuplicate(id.substring(0, id.lastIndexOf('-')), id, record.partition(),
                    record.offset()));
        }
    }

    /** The output is about to write lines ({@link LineOutput#beforeEachWrite}): their ids go to the file first. */
    public void beforePrinting() {
        if (log == null) {
            return;
        }
        try {
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(failed(log.file(), e), e);
        }
    }

    /** The batch was printed: offsets it passed without a record are checked against the log start (deleted?). */
    public void printed() {
        Set<TopicPartition> toCheck = scope.toCheck();
        if (!toCheck.isEmpty()) { // unanswered: asked again after the next batch, and at exit said as not checked
            scope.checked(logStarts.of(toCheck)).forEach(gone ->
                    err.println(lines.auditMissing(gone.getKey(), settings.namesTopic(), gone.getValue())));
        }
    }

    /**
     * At exit: this run's table, per producer run, and the missing figure with what it covered; or, when no
     * partition was ever assigned, that nothing was audited, and why ({@code failed}: the run ended on an error
     * first). Returns whether anything was audited.
     */
    public boolean close(boolean failed) {
        logStarts.close();
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                err.println(failed(log.file(), e));
            }
        }
        if (shareGroup) {
            printTable();
            err.println(lines.auditShareGroup());
            return true;
        }
        if (!scope.assignedAny()) {
            err.println(failed ? lines.auditNothingBeforeFailure()
                    : lines.auditNothing(settings.sessionTimeoutSetting(), settings.sessionTimeoutMs()));
            return false;
        }
        printTable();
        err.println(lines.auditScope(scope.missing(), scope.partitions(), settings.namesTopic(), scope.unchecked()));
        return true;
    }

    private void printTable() {
        err.println(lines.auditTableHeader());
        for (AuditTally.Row row : tally.rows()) {
            err.println(lines.auditTableRow(row.run(), row.received(), row.duplicates(), row.outOfOrder()));
        }
        if (tally.withoutId() > 0) {
            err.println(lines.auditWithoutId(tally.withoutId()));
        }
    }

    private String failed(Path file, IOException e) {
        return lines.auditFileFailed(file, String.valueOf(e.getMessage()));
    }
}
