package dev.kafkatutorial.useractivity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivityProcessor;
import dev.kafkatutorial.useractivity.UserActivityProducer;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.processor.ProcessorLines;
import dev.kafkatutorial.useractivity.processor.ProcessorOptions;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import dev.kafkatutorial.useractivity.producer.TransactionLines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exactly-once options (producer transactions, the consumer's isolation level, the processor) and their lines in English. */
class ExactlyOnceOptionsTest {

    @Test
    void transactionOptionsDefaultAndNeedATransactionalId() {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs("--transactional-id", "tx");
        assertThat(options.transactionalId()).isEqualTo("tx");
        assertThat(options.transactionSize()).isEqualTo(10);
        assertThat(options.abortEvery()).isZero();

        String[] err = new String[1];
        assertThat(run(e -> err[0] = e, "--abort-every", "3")).isEqualTo(Cli.USAGE);
        assertThat(err[0]).isEqualTo("user-activity-producer: --transaction-size and --abort-every need "
                + "--transactional-id (see --help)\n");
        assertThat(run(e -> err[0] = e, "--transactional-id", "tx", "--transaction-size", "0")).isEqualTo(Cli.USAGE);
    }

    @Test
    void isolationLevelDefaultsToKafkasAndTakesReadCommitted() {
        ConsumerOptions options = new ConsumerOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs();
        assertThat(options.isolationLevel()).isEqualTo(ConsumerOptions.IsolationLevel.read_uncommitted);
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--isolation-level", "read_committed");
        assertThat(options.isolationLevel()).isEqualTo(ConsumerOptions.IsolationLevel.read_committed);
    }

    @Test
    void processorDefaults() {
        ProcessorOptions options = new ProcessorOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs();
        assertThat(options.client().topic()).isEqualTo("user_activity");
        assertThat(options.outputTopic()).isEqualTo("user_activity_messages");
        assertThat(options.group()).isEqualTo("user_activity_processor");
        assertThat(options.transactionalId()).isEqualTo("user_activity_processor-user_activity");
        new CommandLine(options).parseArgs("--group", "g", "--topic", "in", "--transactional-id", "mine");
        assertThat(options.transactionalId()).isEqualTo("mine");
    }

    @Test
    void processorHelpNamesItsOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = UserActivityProcessor.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--output-topic", "--group", "--transactional-id",
                "--bootstrap-server", "--lang");
    }

    @Test
    void theLinesInEnglish() {
        TransactionLines en = new TransactionLines(Language.en);
        ProcessorLines enProcessor = new ProcessorLines(Language.en);
        TreeMap<Integer, long[]> ranges = new TreeMap<>();
        ranges.put(0, new long[] {20, 25});
        assertThat(en.transactionCommitted(6, en.offsetRanges(ranges))).isEqualTo("Transaction committed - 6 events (offsets 20-25)");
        ranges.put(2, new long[] {3, 6});
        assertThat(en.offsetRanges(ranges)).isEqualTo("partition 0: offsets 20-25, partition 2: offsets 3-6");
        assertThat(en.transactionAborted(10)).isEqualTo("Transaction aborted - 10 events: a read_committed consumer never sees them");
        assertThat(en.fenced("tx")).isEqualTo("Fenced: another producer started with the same transactional.id (tx) "
                + "and takes over from this one. Exiting");
        assertThat(enProcessor.processorCommitted(3, "in", "offsets 0-2", "out"))
                .isEqualTo("Transaction committed - 3 events: in offsets 0-2 -> out");
        assertThat(new Lines(Language.ko).offsetRanges(ranges)).isEqualTo("파티션 0: 오프셋 20-25, 파티션 2: 오프셋 3-6");
    }

    private static int run(java.util.function.Consumer<String> err, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = UserActivityProducer.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        err.accept(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }
}
