package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.JsonSerializer;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The processor's two clients: a read_committed reader and a transactional writer. */
public final class ProcessorSettings {

    private static final int TRANSACTION_TIMEOUT_MS = 15_000;

    private ProcessorSettings() {
    }

    /** The reading side. The user's properties win over these defaults. */
    public static Map<String, Object> consumer(ProcessorOptions options) {
        return ClientSettings.of(options.client(), () -> {
            Map<String, Object> config = ClientSettings.eventReader("user-activity-processor", options.group());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // The positions are committed by the producer, inside each transaction (sendOffsetsToTransaction),
            // never by the consumer on its own: a commit outside the transaction could cover output that was then
            // aborted.
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // Input written in transactions counts only once committed: an aborted event is never processed.
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            return config;
        }).config();
    }

    /** The writing side. The user's properties win over these defaults. */
    public static Map<String, Object> producer(ProcessorOptions options) {
        return ClientSettings.of(options.client(), () -> {
            // Transactions need an idempotent producer (acks=all, no duplicates from retries) and a transactional
            // id that stays the same across restarts: the restarted processor's initTransactions() then aborts
            // what the crashed one left open, and fences it should it still live.
            Map<String, Object> config = ClientSettings.eventWriter("user-activity-processor", JsonSerializer.class);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
            // A processor that dies and is not restarted leaves its transaction open, and read_committed readers
            // of the output wait at it until the broker aborts it after this long: short, as Kafka's example has.
            // It also bounds the broker outage a transaction in hand outlives (UserActivityProcessor).
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            return config;
        }).config();
    }

    /** How long the broker lets a transaction stay open before it aborts it: 15 s unless the user set it. */
    public static Duration transactionTimeout(ProcessorOptions options) {
        return Duration.ofMillis(Long.parseLong(String.valueOf(options.client().userProperties()
                .getOrDefault(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS)).trim()));
    }
}
