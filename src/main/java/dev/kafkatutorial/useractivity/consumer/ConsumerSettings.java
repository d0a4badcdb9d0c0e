package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.UserActivityDeserializer;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The consumer's configuration: the tutorial's {@code KafkaConsumer(...)} arguments, and why each is set. */
public final class ConsumerSettings extends ClientSettings {

    private final ConsumerOptions options;

    public ConsumerSettings(ConsumerOptions options) {
        super(options.client());
        this.options = options;
    }

    @Override
    protected Map<String, Object> defaults() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-consumer");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        // The tutorial's value_deserializer: JSON back into the event; a record that is none is skipped.
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, UserActivityDeserializer.class);
        // The tutorial's choice is earliest: a group with no committed offset starts at the topic's first
        // event, so events sent before the consumer started are read too.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.offsetReset().name());
        // The tutorial's default is auto commit: positions are committed every 5 s and on close, so a crash
        // replays up to 5 s of events (at-least-once) and never skips one. --manual-commit commits after each
        // printed batch instead; a throw-away group (a one-off read) commits nothing, as kafka-console-consumer.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, !options.manualCommit() && !options.isThrowAwayGroup());
        // How long the broker holds a fetch open when there is nothing new. A new event ends the wait at once
        // whatever this is, but close() waits out a fetch in flight: Kafka's 500 ms made every --max-messages
        // run at the end of a topic half a second longer. 100 ms costs an idle consumer 10 small requests a second.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // read_committed returns only events of committed transactions and waits at an open one (the "last
        // stable offset"); read_uncommitted, Kafka's default, returns every event written, aborted ones too.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, options.isolationLevel().name());
        return config;
    }
}
