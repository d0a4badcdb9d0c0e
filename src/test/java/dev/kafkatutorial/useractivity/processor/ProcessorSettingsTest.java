package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The processor's two clients: a read_committed consumer that never commits by itself, a transactional producer. */
class ProcessorSettingsTest {

    @Test
    void configReadsCommittedAndCommitsOnlyInsideTransactions() {
        ProcessorOptions options = new ProcessorOptions();
        new CommandLine(options).parseArgs();
        Map<String, Object> consumerConfig = ProcessorSettings.consumer(options);
        assertThat(consumerConfig).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "user_activity_processor");
        assertThat(ProcessorSettings.producer(options))
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "user_activity_processor-user_activity")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }
}
