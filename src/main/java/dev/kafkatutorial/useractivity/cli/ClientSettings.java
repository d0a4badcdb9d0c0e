package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.UserActivityDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one place a Kafka client's configuration is built. Each program's settings class ({@code ProducerSettings},
 * {@code ConsumerSettings}, {@link AdminSettings} for the doctor and {@code --explain}) derives from this one and
 * gives only its own defaults (the processor's two clients through {@link #of}); this class adds what every client shares, then the user's properties over the defaults
 * ({@code --command-config}, then {@code --producer-property} / {@code --consumer-property}, then each
 * {@code --command-property}: security settings arrive this way), and the bootstrap address last, wherever it
 * came from ({@link ClientOptions#bootstrapServers()}).
 */
public abstract class ClientSettings {

    /** How long a program waits for a broker before giving up, instead of Kafka's 60 s. */
    public static final Duration BROKER_WAIT = Duration.ofSeconds(10);

    protected final ClientOptions client;

    protected ClientSettings(ClientOptions client) {
        this.client = client;
    }

    /** Settings whose defaults are given as they are: for a program with more than one client (the processor). */
    public static ClientSettings of(ClientOptions client, Supplier<Map<String, Object>> defaults) {
        return new ClientSettings(client) {
            @Override
            protected Map<String, Object> defaults() {
                return defaults.get();
            }
        };
    }

    /** The program's own defaults: its client id, serializers, acks, group, ... */
    protected abstract Map<String, Object> defaults();

    /** Once the user's properties are in: a default that depends on what the user chose. Nothing by default. */
    protected void adjust(Map<String, Object> config, Map<String, Object> userProperties) {
    }

    /**
     * A writer of events: acks=all with idempotence, as the tutorial's producer and the processor write. The
     * leader answers only when every in-sync replica has the event, and a retry after a lost answer can neither
     * duplicate nor reorder it (idempotence needs acks=all). {@code send()} and metadata wait BROKER_WAIT for a
     * broker; Kafka's 60 s would hide a wrong address.
     */
    public static Map<String, Object> eventWriter(String clientId, Class<?> valueSerializer) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        return config;
    }

    /**
     * A reader of events in a consumer group: the tutorial's value_deserializer turns JSON back into the event
     * (a record that is none is skipped). How long the broker holds a fetch open when there is nothing new: a
     * new event ends the wait at once whatever this is, but close() waits out a fetch in flight, so Kafka's
     * 500 ms made every run that stops at the end of a topic half a second longer. 100 ms costs an idle reader
     * 10 small requests a second.
     */
    public static Map<String, Object> eventReader(String clientId, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, UserActivityDeserializer.class);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return config;
    }

    /** The configuration to build the client with. The user's properties win over the program's defaults. */
    public final Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        // No metric MBeans: Kafka 4's default reporter registers each of the client's metrics (hundreds) with the
        // JVM's platform MBean server, which costs start-up time. The programs read their metrics directly
        // (metrics()); `--command-property metric.reporters=org.apache.kafka.common.metrics.JmxReporter` brings
        // them back for jconsole.
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
        config.putAll(defaults());
        Map<String, Object> user = client.userProperties();
        config.putAll(user);
        adjust(config, user);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }
}
