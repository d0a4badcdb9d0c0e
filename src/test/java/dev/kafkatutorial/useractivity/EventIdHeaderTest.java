package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventIdHeaderTest {

    private static String text(Header header) {
        return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theIdComesFirstThenTheUsersHeaders() {
        EventIdHeader ids = new EventIdHeader("event-id", "3f2a9c1e",
                List.of(Map.entry("source", "bench".getBytes(StandardCharsets.UTF_8))));
        for (long sequence : new long[] {0, 7, 10, 41, 999, 1_000_000, Long.MAX_VALUE}) {
            RecordHeaders headers = ids.headers(sequence);
            assertThat(headers.toArray()).extracting(EventIdHeaderTest::text)
                    .containsExactly("event-id=3f2a9c1e-" + sequence, "source=bench");
            assertThat(ids.id(sequence)).isEqualTo("3f2a9c1e-" + sequence);
        }
    }
}
