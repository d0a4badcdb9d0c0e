package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --output json} carries each record's timestamp, its type and every header, as the broker returned them. */
class ConsumerJsonFieldsIT {

    @Test
    void eachLineCarriesTimestampItsTypeAndTheHeaders() throws Exception {
        TopicFixture topic = TopicFixture.create("json-fields", 1);
        long before = System.currentTimeMillis();
        topic.produce(3);
        long after = System.currentTimeMillis();

        ProgramRun consumer = topic.read("--from-beginning", "--to-end", "--output", "json");

        List<JsonNode> lines = JsonLines.parse(consumer.out());
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
}
