package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Where partitions' logs start now (retention and {@code deleteRecords} delete from the start), for
 * {@code --audit}: an offset the consumer passed that is below it was deleted before it was read.
 *
 * <p>Asked with an Admin client of its own, made at the first question. Not with the consumer's
 * {@code beginningOffsets()}: Kafka's classic consumer takes any ListOffsets answer for an assigned partition as
 * the partition's end (its high watermark), so its lag would read "log start - position" until the next fetch.
 */
interface LogStarts extends AutoCloseable {

    /** The log start of each of {@code partitions} that answered; none on a failure (asked again later). */
    Map<TopicPartition, Long> of(Set<TopicPartition> partitions);

    @Override
    void close();

    /** None ever known: for a reader with no offset ranges to check (a share group's member). */
    LogStarts NONE = new LogStarts() {
        @Override
        public Map<TopicPartition, Long> of(Set<TopicPartition> partitions) {
            return Map.of();
        }

        @Override
        public void close() {
        }
    };

    /** Through an Admin client on the consumer's address and security ({@code --command-config}...). */
    static LogStarts admin(ClientOptions client) {
        return new LogStarts() {
            private Admin admin;

            @Override
            public Map<TopicPartition, Long> of(Set<TopicPartition> partitions) {
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                partitions.forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
                Map<TopicPartition, Long> starts = new HashMap<>();
                try {
                    if (admin == null) {
                        admin = Admin.create(new AdminSettings(client, "user-activity-consumer-audit").config());
                    }
                    Duration wait = ClientSettings.BROKER_WAIT;
                    admin.listOffsets(earliest).all().get(wait.toMillis(), TimeUnit.MILLISECONDS)
                            .forEach((tp, info) -> starts.put(tp, info.offset()));
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    // no answer now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // a stop: the question is asked again, or the run ends
                }
                return starts;
            }

            @Override
            public void close() {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(1));
                }
            }
        };
    }
}
