package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The consumer's configuration: the tutorial's {@code KafkaConsumer(...)} arguments, and why each is set. */
public final class ConsumerSettings extends ClientSettings {

    private final ConsumerOptions options;

    public ConsumerSettings(ConsumerOptions options) {
        super(options.client());
        this.options = options;
    }

    @Override
    protected Map<String, Object> defaults() {
        // The tutorial's KafkaConsumer: its group, and the value_deserializer that turns JSON back into the event.
        Map<String, Object> config = eventReader("user-activity-consumer", options.group());
        // The tutorial's choice is earliest: a group with no committed offset starts at the topic's first
        // event, so events sent before the consumer started are read too.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.offsetReset().name());
        // The tutorial's default is auto commit: positions are committed every 5 s and on close, so a crash
        // replays up to 5 s of events (at-least-once) and never skips one. --manual-commit commits after each
        // printed batch instead; a throw-away group (a one-off read) commits nothing, as kafka-console-consumer.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, !options.manualCommit() && !options.isThrowAwayGroup());
        // read_committed returns only events of committed transactions and waits at an open one (the "last
        // stable offset"); read_uncommitted, Kafka's default, returns every event written, aborted ones too.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, options.isolationLevel().name());
        if (options.groupProtocol() != null) {
            // classic: the members agree on an assignment among themselves in rebalances, each stopping to revoke
            // and rejoin; consumer (KIP-848): the broker computes the assignment and each member heartbeats its way
            // to it, giving up only the partitions that move. Kafka's client says classic until 5.0.
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, options.groupProtocol().name());
        }
        return config;
    }

    /**
     * A share group member's configuration (KafkaShareConsumer): the group, and values as bytes, made into events
     * by the program so that a malformed one is a record to reject. Explicit acknowledgement: each record is
     * accepted, released or rejected by the program, never implicitly by the next poll.
     */
    public static Map<String, Object> shareReader(ConsumerOptions options) {
        return ClientSettings.of(options.client(), () -> {
            Map<String, Object> config = new java.util.HashMap<>();
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-consumer");
            config.put(ConsumerConfig.GROUP_ID_CONFIG, options.shareGroup());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
            config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
            return config;
        }).config();
    }
}
