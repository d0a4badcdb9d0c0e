package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Localized;
import dev.kafkatutorial.useractivity.cli.NameConverters;
import dev.kafkatutorial.useractivity.cli.NumberConverters;
import dev.kafkatutorial.useractivity.cli.PropertyConverters;
import dev.kafkatutorial.useractivity.cli.TimeConverters;
import dev.kafkatutorial.useractivity.cli.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code user-activity-producer} options. Parsing only: the program reads these and wires itself up. */
@Command(name = "user-activity-producer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Sends a random user-activity event as JSON every --interval, as the tutorial's "
                + "producer_example.py does.")
public final class ProducerOptions implements Cli.Validated {

    // transactional.id given as a property is --transactional-id: the program must run the transactions
    @Mixin
    ClientOptions client = new ClientOptions("--producer-property", () -> this.producerProperties)
            .sameAs("transactional.id", "--transactional-id");

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE", converter = PropertyConverters.KeyValue.class,
            description = "A producer property, as kafka-console-producer takes it; repeatable; wins over "
                    + "--command-config")
    List<Map.Entry<String, String>> producerProperties = new ArrayList<>();

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    // No defaultValue: --rate must know whether --interval was given.
    @Option(names = "--interval", paramLabel = "DURATION", converter = TimeConverters.Interval.class,
            description = "Pause between events: 5s, 500ms, 1m, or 0 for as fast as possible. Default: 5s")
    Duration interval;

    @Option(names = "--rate", paramLabel = "N", converter = NumberConverters.Rate.class,
            description = "Send N events per second (kafka-producer-perf-test's --throughput); "
                    + "instead of --interval")
    Double rate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = TimeConverters.Interval.class,
            description = "Stop after this long (30s, 5m), or at --max-messages, whichever comes first")
    Duration duration;

    @Option(names = "--header", paramLabel = "KEY=VALUE", converter = PropertyConverters.Header.class,
            description = "A record header added to every event, beside event-id; repeatable")
    List<Map.Entry<String, String>> headers = new ArrayList<>();

    @Option(names = "--max-messages", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "Stop after sending N events. Default: run until Ctrl+C")
    Long maxMessages;

    @Option(names = "--seed", paramLabel = "N", converter = NumberConverters.AnyLong.class,
            description = "Seed for the random events, so a run's users, actions and amounts can be repeated")
    Long seed;

    @Option(names = "--sync",
            description = "Wait for each event's acknowledgement before the next (send().get()); "
                    + "a non-retriable failure ends the program")
    boolean sync;

    @Option(names = "--key", paramLabel = "user_id", converter = NameConverters.KeyField.class,
            description = "Key each record by this field, so one user's events stay in one partition, in order")
    String key;

    @Option(names = "--quiet",
            description = "No line per event: a progress line on stderr each second, and the summary "
                    + "(for load generation with --interval 0). Not with --output json or --explain")
    boolean quiet;

    /** What stdout carries per event: the tutorial's lines, or one JSON line per acknowledged or failed event. */
    public enum Output { text, json }

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: the tutorial's lines; json: one JSON line per event once acknowledged or failed "
                    + "(event_id, status, topic, partition, offset, error; with --transactional-id, transaction), "
                    + "for scripts. Default: ${DEFAULT-VALUE}")
    Output output;

    @Option(names = "--transactional-id", paramLabel = "ID",
            description = "Send in transactions under this transactional.id: each --transaction-size events are "
                    + "committed (or aborted) together. A second producer with the same id fences this one. "
                    + "transactional.id given as a property is the same setting")
    String transactionalId;

    @Option(names = "--transaction-size", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "With --transactional-id: events per transaction; --interval x N must stay under the "
                    + "transaction timeout. Default: 10")
    Long transactionSize;

    @Option(names = "--abort-every", paramLabel = "K", converter = NumberConverters.PositiveLong.class,
            description = "With --transactional-id: abort every K-th transaction on purpose, so a read_committed "
                    + "consumer shows the difference")
    Long abortEvery;

    @Option(names = "--explain",
            description = "Say why: at start what acks=all means on this topic (its replicas and "
                    + "min.insync.replicas), and after each success line why the event went to its partition "
                    + "(with --output json on stderr, so stdout stays JSON). Not with --quiet")
    boolean explain;

    @Override
    public void validate() {
        if (rate != null && interval != null) {
            throw new IllegalArgumentException("--rate and --interval cannot be given together: --rate N is "
                    + "--interval 1/N");
        }
        if (duration != null && duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        if (transactionalId == null && (abortEvery != null || transactionSize != null)) {
            throw new IllegalArgumentException("--transaction-size and --abort-every need --transactional-id");
        }
        if (transactionalId != null && transactionalId.isBlank()) {
            throw new IllegalArgumentException("--transactional-id must not be blank");
        }
        if (quiet && output == Output.json) {
            throw new Localized.Refusal(language -> new ProducerLines(language).quietWithJson());
        }
        if (quiet && explain) {
            throw new Localized.Refusal(language -> new ProducerLines(language).quietWithExplain());
        }
        if (transactionalId != null) {
            refuseTransactionsLongerThanTheirTimeout();
        }
    }

    /**
     * A transaction lasts about --interval × --transaction-size. Past transaction.timeout.ms the broker aborts it
     * (bumping the producer's epoch: its commit fails with InvalidProducerEpochException), so every transaction
     * would be aborted: refuse that at once. The timeout is ours (Transactions.timeoutMs: twice the transaction,
     * at most the 15 minutes brokers allow by default) unless the user set transaction.timeout.ms.
     */
    private void refuseTransactionsLongerThanTheirTimeout() {
        long transactionMs;
        try {
            transactionMs = Math.multiplyExact(interval().toMillis(), transactionSize());
        } catch (ArithmeticException e) {
            transactionMs = Long.MAX_VALUE;
        }
        long timeoutMs = Transactions.timeoutMs(interval(), transactionSize());
        Object user = client.userProperties().get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        if (user != null) {
            try {
                timeoutMs = Long.parseLong(String.valueOf(user).trim());
            } catch (NumberFormatException e) {
                return; // Kafka's own config check names the bad value
            }
        }
        if (transactionMs >= timeoutMs) {
            String pace = rate != null ? "--rate " + rate : "--interval " + millis(interval().toMillis());
            long events = transactionSize();
            long timeout = timeoutMs;
            long transaction = transactionMs;
            throw new Localized.Refusal(language -> new TransactionLines(language)
                    .outlastsTheTimeout(pace, events, seconds(transaction), seconds(timeout)));
        }
    }

    private static String millis(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String seconds(long ms) {
        return ms == Long.MAX_VALUE ? "∞" : ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    public ClientOptions client() {
        return client;
    }

    /** The pause between events: --interval, or 1/N s for --rate N, else the tutorial's 5 s. */
    public Duration interval() {
        if (rate != null) {
            return Duration.ofNanos(Math.max(1, Math.round(1e9 / rate)));
        }
        return interval == null ? DEFAULT_INTERVAL : interval;
    }

    /** {@code --rate}: whether the pace is a rate to keep on average (see Pace.ofRate). */
    public boolean hasRate() {
        return rate != null;
    }

    /** {@code --duration}, or {@code null}: no time limit. */
    public Duration duration() {
        return duration;
    }

    /** {@code --header KEY=VALUE}s, in the order given. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Events to send, or {@code Long.MAX_VALUE} for no limit. */
    public long maxMessages() {
        return maxMessages == null ? Long.MAX_VALUE : maxMessages;
    }

    public Long seed() {
        return seed;
    }

    public boolean sync() {
        return sync;
    }

    /** {@code --quiet}: no per-event lines, a progress line on stderr each second instead. */
    public boolean quiet() {
        return quiet;
    }

    public Output output() {
        return output;
    }

    /** {@code --transactional-id}, or {@code null}: no transactions. */
    public String transactionalId() {
        return transactionalId;
    }

    /** Events per transaction. */
    public long transactionSize() {
        return transactionSize == null ? 10 : transactionSize;
    }

    /** Every K-th transaction is aborted; 0: none. */
    public long abortEvery() {
        return abortEvery == null ? 0 : abortEvery;
    }

    public boolean explain() {
        return explain;
    }

    /** Whether records are keyed by user id ({@code --key user_id}). */
    public boolean keyByUser() {
        return key != null;
    }
}
