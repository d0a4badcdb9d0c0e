package dev.kafkatutorial.useractivity.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.protocol.Errors;

/**
 * Splits Kafka's errors into the fatal ones, which end a program with one actionable line, and the rest,
 * which the clients retry or which concern a single event. Both programs classify the same way.
 */
public final class Failures {

    /** How long a program waits for a broker before giving up, instead of Kafka's 60 s. */
    public static final Duration BROKER_WAIT = Duration.ofSeconds(10);

    private Failures() {
    }

    /** The line to end the program with, or {@code null} when the error is worth going on after. */
    public static String fatalMessage(Throwable error, Lines lines) {
        if (error instanceof IllegalSaslStateException || error instanceof UnsupportedSaslMechanismException) {
            return saslMismatch(error, lines);
        }
        if (error instanceof AuthenticationException) {
            return lines.authenticationFailed(reason(error));
        }
        if (error instanceof AuthorizationException) {
            return lines.notAuthorized(reason(error));
        }
        if (error instanceof UnsupportedVersionException || error instanceof InvalidTopicException
                || error instanceof ProducerFencedException || error instanceof OutOfOrderSequenceException) {
            return Cli.oneLine(error); // the broker, or the client's own state, rules out every further request
        }
        return null; // retriable, or about one event only (too large, say): count it and go on
    }

    /**
     * The line to end the program with after {@code error} at start-up or in the loop, or {@code null} when the
     * error is none of ours to explain (the caller rethrows it): a timeout says whether the broker, Kafka or the
     * topic was missing; anything else as {@link #fatalMessage}.
     */
    public static String lineFor(KafkaException error, Map<MetricName, ? extends Metric> metrics, ClientOptions client,
                                 String topic, Lines lines) {
        return error instanceof TimeoutException timeout ? timeoutMessage(timeout, metrics, client, topic, lines)
                : fatalMessage(error, lines);
    }

    /**
     * Builds a Kafka client. A bootstrap address that no name server knows is the user's typo, not Kafka's
     * failure: say so, naming the address, instead of "Failed to construct kafka producer".
     */
    public static <T> T build(Supplier<T> client, ClientOptions options) {
        try {
            return client.get();
        } catch (KafkaException error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof ConfigException && String.valueOf(t.getMessage()).contains("No resolvable bootstrap urls")) {
                    throw new IllegalStateException(
                            new Lines(options.language()).brokerUnresolvable(options.bootstrapServers(),
                                    options.bootstrapSource()));
                }
            }
            throw error;
        }
    }

    /**
     * The line for a first metadata request that timed out. Whether the client ever opened a connection tells
     * a broker that is not there (wrong address, not started) from one that is; whether anything there ever
     * answered in Kafka's protocol tells a broker without the topic from another service on the port (a web
     * server, say: it takes the client's first request, ApiVersions, for a malformed line and never answers).
     */
    public static String timeoutMessage(TimeoutException error, Map<MetricName, ? extends Metric> metrics,
                                 ClientOptions client, String topic, Lines lines) {
        String noBroker = noBrokerMessage(metrics, client, lines);
        return noBroker != null ? noBroker : lines.topicUnavailable(topic, Cli.oneLine(error));
    }

    /**
     * After a request timed out: the line saying why no Kafka broker answered at all, from the client's
     * metrics, or {@code null} when one did. No connection ever opened: nothing listens there. A connection but
     * no completed handshake with security.protocol SSL or SASL_SSL: a listener without TLS (Kafka counts a
     * connection "authenticated" once its TLS and SASL handshakes are done, at once on PLAINTEXT). A connection
     * but no Kafka response: another service on the port.
     */
    public static String noBrokerMessage(Map<MetricName, ? extends Metric> metrics, ClientOptions client,
                                         Lines lines) {
        String bootstrapServers = client.bootstrapServers();
        if (!anyPositive(metrics, "connection-creation-total")) {
            return lines.brokerUnreachable(bootstrapServers, BROKER_WAIT);
        }
        String protocol = String.valueOf(client.userProperties().getOrDefault(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")).trim().toUpperCase(Locale.ROOT);
        if (protocol.endsWith("SSL") && !anyPositive(metrics, "successful-authentication-total")) {
            return lines.tlsHandshakeIncomplete(bootstrapServers, BROKER_WAIT, protocol, client.bootstrapSource());
        }
        if (!anyPositive(metrics, "response-total")) {
            return lines.notKafka(bootstrapServers, BROKER_WAIT, client.bootstrapSource());
        }
        return null;
    }

    /**
     * Kafka's SASL handshake failed before any credential was checked: the listener has no SASL (the broker
     * answers the handshake with ILLEGAL_SASL_STATE and no mechanism) or not the client's mechanism. Kafka's
     * message names both ("Client SASL mechanism 'X' not enabled in the server, enabled mechanisms are [Y]").
     */
    private static String saslMismatch(Throwable error, Lines lines) {
        Matcher handshake = SASL_HANDSHAKE.matcher(String.valueOf(error.getMessage()));
        return handshake.find() ? lines.saslMismatch(handshake.group(1), handshake.group(2))
                : lines.saslMismatch(null, null);
    }

    private static final Pattern SASL_HANDSHAKE =
            Pattern.compile("mechanism '?([^',\\s]+)'?.*enabled mechanisms are \\[([^\\]]*)]");

    /** Fully qualified exception class names, as a wrapper's message or a JDK cause carries them. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /**
     * The error's messages in one line, without Java class names: what the user reads is Kafka's reason. An
     * error without a message gets the protocol's own words for it ("SASL Authentication failed"). No final
     * period: the lines go on after it.
     */
    public static String reason(Throwable error) {
        String line = CLASS_NAME.matcher(Cli.oneLine(error)).replaceAll("").trim();
        if (line.isEmpty() || line.equals(error.getClass().getSimpleName())) {
            line = Errors.forException(error).message();
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** Whether the client's metric of that name (its own, or any node's) has counted anything. */
    private static boolean anyPositive(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(m -> m.getKey().name().equals(name))
                .anyMatch(m -> m.getValue().metricValue() instanceof Double d && d > 0);
    }
}
