package dev.kafkatutorial.useractivity.cli;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

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
        if (error instanceof AuthenticationException) {
            return lines.authenticationFailed(Cli.oneLine(error));
        }
        if (error instanceof AuthorizationException) {
            return lines.notAuthorized(Cli.oneLine(error));
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
        String bootstrapServers = client.bootstrapServers();
        if (!anyPositive(metrics, "connection-creation-total")) {
            return lines.brokerUnreachable(bootstrapServers, BROKER_WAIT);
        }
        if (!anyPositive(metrics, "response-total")) {
            return lines.notKafka(bootstrapServers, BROKER_WAIT, client.bootstrapSource());
        }
        return lines.topicUnavailable(topic, Cli.oneLine(error));
    }

    /** Whether the client's metric of that name (its own, or any node's) has counted anything. */
    private static boolean anyPositive(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(m -> m.getKey().name().equals(name))
                .anyMatch(m -> m.getValue().metricValue() instanceof Double d && d > 0);
    }
}
