package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The excerpt of a value the consumer skips: short, escaped, safe on a terminal. */
class RecordPrinterTest {

    @Test
    void excerptsAreShortEscapedAndSafe() {
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("\"not json\"");
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap(new byte[] {'a', 0, '\n', (byte) 0xff, '"'})))
                .isEqualTo("\"a\\x00\\n\uFFFD\\\"\"");
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) 'x');
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap(big))).isEqualTo("\"" + "x".repeat(60) + "\"… (1048576 bytes)");
        assertThat(RecordPrinter.excerpt(null)).isEqualTo("null");
    }
}
