package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --output json} carries each record's timestamp, its type and every header, as the broker returned them. */
class ConsumerJsonFieldsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eachLineCarriesTimestampItsTypeAndTheHeaders() throws Exception {
        String topic = "json-fields-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        long before = System.currentTimeMillis();
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--interval", "0", "--max-messages", "3", "--quiet");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        long after = System.currentTimeMillis();

        ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--from-beginning", "--to-end", "--output", "json");

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        List<JsonNode> lines = consumer.out().lines().map(ConsumerJsonFieldsIT::parse).toList();
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(line.get("timestamp").asLong()).isBetween(before, after); // the producer's CreateTime
            assertThat(line.get("timestamp_type").asText()).isEqualTo("CreateTime");
            JsonNode headers = line.get("headers");
            assertThat(headers).hasSize(1);
            assertThat(headers.get(0).get("key").asText()).isEqualTo("event-id");
            assertThat(headers.get(0).get("value").asText()).isEqualTo(line.get("event_id").asText()).isNotBlank();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
