package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.ProgramOutput;
import org.junit.jupiter.api.Test;

/** {@code --bootstrap-server}'s check: several addresses and IPv6 pass, a space or nothing is one line naming the option. */
class AddressConvertersTest {

    @Test
    void twoHostsWithASpaceAreOneBadAddressNamingTheOption() {
        ProgramOutput result = consumer("--bootstrap-server", "h1 h2");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("'--bootstrap-server'", "'h1 h2' is not HOST:PORT", "separate several with commas")
                .hasLineCount(1);
        assertThat(consumer("--bootstrap-server", "").err()).contains("'--bootstrap-server'", "the address is empty");
    }

    @Test
    void severalAddressesAndIpv6AreFine() {
        assertThat(AddressConverters.bootstrapProblem("h1:9092, h2:9093,[::1]:9094")).isNull();
        assertThat(AddressConverters.bootstrapProblem("broker-1.example.com:9092")).isNull();
        assertThat(AddressConverters.bootstrapProblem("PLAINTEXT://localhost:9092")).isNull(); // Kafka takes it too
    }
}
