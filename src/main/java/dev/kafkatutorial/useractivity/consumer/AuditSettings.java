package dev.kafkatutorial.useractivity.consumer;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * What {@link Audit} takes from the command line and the consumer's configuration: whether lines name the topic
 * ({@code --include}), and the session timeout for which a member that died still holds its partitions.
 */
record AuditSettings(boolean namesTopic, String sessionTimeoutSetting, long sessionTimeoutMs) {

    static final AuditSettings NONE = new AuditSettings(false, "", 0);

    static AuditSettings of(ConsumerOptions options, Map<String, Object> config) {
        boolean namesTopic = options.include() != null;
        // KIP-848's protocol keeps the session timeout on the broker; the classic one, in the member's config
        if ("consumer".equalsIgnoreCase(String.valueOf(config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            return new AuditSettings(namesTopic, "group.consumer.session.timeout.ms", 45_000);
        }
        Object kafkas = ConsumerConfig.configDef().defaultValues().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        long timeout;
        try {
            timeout = Long.parseLong(String.valueOf(config.getOrDefault(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                    kafkas)).trim());
        } catch (NumberFormatException e) {
            timeout = ((Number) kafkas).longValue(); // the consumer's own configuration check says what is wrong
        }
        return new AuditSettings(namesTopic, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, timeout);
    }
}
