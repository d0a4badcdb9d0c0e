package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.UserActivitySerializer;
import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer's configuration: the tutorial's {@code KafkaProducer(...)} arguments, and why each is set. */
public final class ProducerSettings extends ClientSettings {

    private final ProducerOptions options;

    public ProducerSettings(ProducerOptions options) {
        super(options.client());
        this.options = options;
    }

    @Override
    protected Map<String, Object> defaults() {
        // The tutorial's KafkaProducer: the event as JSON (Python's json.dumps layout), acks=all, and idempotence.
        Map<String, Object> config = eventWriter("user-activity-producer", UserActivitySerializer.class);
        // Keep the topic's metadata while the broker is away. Kafka 4's default, "rebootstrap", forgets it as soon
        // as no known broker can be reached and starts over from bootstrap.servers: then every send() during an
        // outage waits max.block.ms for metadata and fails ("Topic ... not present in metadata after 10000 ms")
        // instead of waiting in the buffer to be retried for delivery.timeout.ms. "none" is Kafka 3's behaviour:
        // retry the brokers it knows. (Rebootstrapping helps a client whose whole cluster moved to new addresses.)
        config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        if (options.interval().isZero()) {
            // --interval 0 makes the producer a load generator: then throughput is what counts, not the latency of
            // one event. Kafka's defaults (16 KiB batches, linger.ms=5) send many small requests, and with acks=all
            // each waits for the log append. So big batches (512 KiB, several thousand events) and 50 ms for one to
            // fill: kafka-producer-perf-test's fastest settings in docs/benchmarks.md.
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        } else {
            // With a pause between events (the tutorial's 5 s) there is nothing to batch: Kafka 4's linger.ms=5
            // would only hold each event back 5 ms. Send each at once, as Kafka 3 did.
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        }
        // delivery.timeout.ms stays at Kafka's 120 s: an event is retried through a broker restart that long
        // before it counts as failed.
        if (options.transactionalId() != null) {
            // --transactional-id: events go out in transactions (Transactions). The id survives restarts: a new
            // producer with it fences the old one and aborts what that one left open.
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    Transactions.timeoutMs(options.interval(), options.transactionSize()));
        }
        return config;
    }

    /**
     * The producer takes each batch whole from its {@code buffer.memory}: a user's buffer smaller than our 512 KiB
     * batch would fail every send ("Attempt to allocate ... but there is a hard limit"). Then batches are a
     * quarter of the buffer, unless the user chose {@code batch.size} too. An unreadable value is Kafka's to report.
     */
    @Override
    protected void adjust(Map<String, Object> config, Map<String, Object> user) {
        Object batch = config.get(ProducerConfig.BATCH_SIZE_CONFIG);
        Object buffer = user.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
        if (!(batch instanceof Integer ours) || buffer == null || user.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            return;
        }
        try {
            long bytes = Long.parseLong(String.valueOf(buffer).trim());
            if (bytes < ours) {
                config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) Math.max(1, bytes / 4));
            }
        } catch (NumberFormatException e) {
            // Kafka's own config check says what is wrong with it
        }
    }

    /**
     * How long an event may wait for its acknowledgement, retried, before it fails: the outage line says it.
     * Kafka's 120 s unless the user set it; the defaults leave it alone.
     */
    public Duration deliveryTimeout() {
        return Duration.ofMillis(Long.parseLong(String.valueOf(client.userProperties()
                .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)).trim()));
    }

    /** An Admin client's configuration with the producer's address and security, for --explain's look at the topic. */
    public Map<String, Object> admin() {
        return new AdminSettings(client, "user-activity-producer").config();
    }
}
