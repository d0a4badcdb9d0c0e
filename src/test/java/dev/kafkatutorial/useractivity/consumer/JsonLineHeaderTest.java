package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** A header is shown as text when its bytes are UTF-8, as base64 otherwise, never as mangled text. */
class JsonLineHeaderTest {

    @Test
    void utf8IsTextAndOtherBytesAreBase64() {
        assertThat(JsonLine.HeaderText.of(new RecordHeader("trace", "한글-1".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new JsonLine.HeaderText("trace", "한글-1", null));
        assertThat(JsonLine.HeaderText.of(new RecordHeader("bin", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe})))
                .isEqualTo(new JsonLine.HeaderText("bin", null, "/wD+"));
        assertThat(JsonLine.HeaderText.of(new RecordHeader("none", (byte[]) null)))
                .isEqualTo(new JsonLine.HeaderText("none", null, null));
    }
}
