package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.JsonSerializer;
import dev.kafkatutorial.useractivity.UserActivityDeserializer;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The processor's two clients' configurations: a read_committed consumer and a transactional producer. */
public final class ProcessorSettings {

    private ProcessorSettings() {
    }

    /** The reading side. The user's properties win over these defaults. */
    public static Map<String, Object> consumer(ProcessorOptions options) {
        return new ClientSettings(options.client()) {
            @Override
            protected Map<String, Object> defaults() {
                Map<String, Object> config = new HashMap<>();
                config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-processor");
                config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
                config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
                config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, UserActivityDeserializer.class);
                config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                // The positions are committed by the producer, inside each transaction (sendOffsetsToTransaction),
                // never by the consumer on its own: a commit outside the transaction could cover output that was
                // then aborted.
                config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                // Input written in transactions counts only once committed: an aborted event is never processed.
                config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100); // as the consumer: close() waits out a fetch
                return config;
            }
        }.config();
    }

    /** The writing side. The user's properties win over these defaults. */
    public static Map<String, Object> producer(ProcessorOptions options) {
        return new ClientSettings(options.client()) {
            @Override
            protected Map<String, Object> defaults() {
                Map<String, Object> config = new HashMap<>();
                config.put(ProducerConfig.CLIENT_ID_CONFIG, "user-activity-processor");
                config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonSerializer.class);
                // Transactions need an idempotent producer (acks=all, no duplicates from retries) and a
                // transactional id that stays the same across restarts: the restarted processor's
                // initTransactions() then aborts what the crashed one left open, and fences it should it still live.
                config.put(ProducerConfig.ACKS_CONFIG, "all");
                config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
                // A processor that dies and is not restarted leaves its transaction open, and read_committed
                // readers of the output wait at it until the broker aborts it after this long: short, as Kafka's
                // example has it.
                config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
                config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) BROKER_WAIT.toMillis());
                config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                return config;
            }
        }.config();
    }
}
