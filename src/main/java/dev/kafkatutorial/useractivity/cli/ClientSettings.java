package dev.kafkatutorial.useractivity.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The one place a Kafka client's configuration is built. Each program's settings class ({@code ProducerSettings},
 * {@code ConsumerSettings}, {@code ProcessorSettings}, the doctor's) derives from this one and gives only its
 * own defaults; this class adds what every client shares, then the user's properties over the defaults
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

    /** The program's own defaults: its client id, serializers, acks, group, ... */
    protected abstract Map<String, Object> defaults();

    /** Once the user's properties are in: a default that depends on what the user chose. Nothing by default. */
    protected void adjust(Map<String, Object> config, Map<String, Object> userProperties) {
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
