package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The producer's client configuration: the tutorial's acks and idempotence, the load generator's batching, the user's properties. */
class ProducerSettingsTest {

    private static Map<String, Object> config(String... args) {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs(args);
        return new ProducerSettings(options).config();
    }

    @Test
    void theTutorialsPaceSendsEachEventAtOnce() {
        Map<String, Object> config = config();
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .doesNotContainKeys(ProducerConfig.BATCH_SIZE_CONFIG);
    }

    @Test
    void theTopicsMetadataIsKeptThroughABrokerOutage() {
        // ProducerOutageIT shows why: with Kafka 4's "rebootstrap", send() blocks and fails during an outage.
        assertThat(config()).containsEntry(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }

    @Test
    void aSmallerBufferThanOurBatchGetsBatchesThatFitIt() {
        // Kafka allocates each batch whole from buffer.memory: a 512 KiB batch in a 128 KiB buffer fails every send
        assertThat(config("--interval", "0", "--producer-property", "buffer.memory=131072"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 32768);
        assertThat(config("--interval", "0", "--producer-property", "buffer.memory=131072",
                "--producer-property", "batch.size=65536"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536"); // the user's choice stands
        assertThat(config("--interval", "0", "--producer-property", "buffer.memory=67108864"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 524288);
        assertThat(config("--interval", "0", "--producer-property", "buffer.memory=lots"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 524288);
    }

    @Test
    void intervalZeroBatchesForThroughput() {
        assertThat(config("--interval", "0"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 524288)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 50)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void theUsersPropertiesWinOverTheLoadGeneratorsBatching() {
        assertThat(config("--interval", "0", "--property", "linger.ms=0", "--property", "batch.size=16384"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "16384")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
    }

    @Test
    void producerPropertyAndCommandPropertyReachTheClientCommandPropertyWinning() {
        // KIP-1147's --command-property and kafka-console-producer's --producer-property; --property is the alias.
        assertThat(config("--producer-property", "linger.ms=7", "--producer-property", "client.id=mine"))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "7").containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "mine");
        assertThat(config("--command-property", "linger.ms=8")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "8");
        assertThat(config("--property", "linger.ms=9")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "9");
        assertThat(config("--command-property", "linger.ms=8", "--producer-property", "linger.ms=7"))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "8");
    }
}
