package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.ProgramOutput.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkatutorial.useractivity.ProgramOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options every program shares: where the broker address comes from, and the user's properties. */
class ClientOptionsTest {

    private static ClientOptions parse(String... args) {
        ClientOptions options = new ClientOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static ClientOptions withEnvironment(String bootstrapServers, String... args) {
        ClientOptions options = new ClientOptions();
        options.environment = name -> name.equals(ClientOptions.BOOTSTRAP_ENV) ? bootstrapServers : null;
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void explicitBootstrapServerWinsOverPropertiesWhichWinOverTheDefault(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=from-file:9092\nsecurity.protocol=SASL_SSL\n");

        ClientOptions fromFile = parse("--command-config", config.toString());
        assertThat(fromFile.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(fromFile.userProperties()).containsEntry("security.protocol", "SASL_SSL");

        ClientOptions propertyOverFile = parse("--command-config", config.toString(),
                "--property", "bootstrap.servers=from-property:9092", "--property", "linger.ms=7");
        assertThat(propertyOverFile.bootstrapServers()).isEqualTo("from-property:9092");
        assertThat(propertyOverFile.userProperties()).containsEntry("linger.ms", "7");

        ClientOptions explicit = parse("--command-config", config.toString(),
                "--bootstrap-server", "explicit:9092");
        assertThat(explicit.bootstrapServers()).isEqualTo("explicit:9092");

        // With nothing given it is $KAFKA_BOOTSTRAP_SERVERS, else the tutorial's localhost:9092.
        String env = System.getenv(ClientOptions.BOOTSTRAP_ENV);
        assertThat(parse().bootstrapServers())
                .isEqualTo(env == null || env.isBlank() ? "localhost:9092" : env);
    }

    @Test
    void adviceNamesWhereTheAddressCameFrom(@TempDir Path dir) throws IOException {
        assertThat(withEnvironment("nosuchhost.invalid:9092").bootstrapSource())
                .isEqualTo("$KAFKA_BOOTSTRAP_SERVERS");
        assertThat(withEnvironment("nosuchhost.invalid:9092", "--bootstrap-server", "a:1").bootstrapSource())
                .isEqualTo("--bootstrap-server");
        assertThat(withEnvironment(null).bootstrapSource()).isEqualTo("--bootstrap-server");
        assertThat(withEnvironment(null, "--property", "bootstrap.servers=a:1").bootstrapSource())
                .isEqualTo("--property bootstrap.servers");
        Path config = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=a:1\n");
        assertThat(withEnvironment("b:2", "--command-config", config.toString()).bootstrapSource())
                .isEqualTo("bootstrap.servers in " + config + " (--command-config)");
    }

    @Test
    void aBadAddressFromTheEnvironmentOrAPropertyNamesItsSource() {
        assertThatThrownBy(() -> withEnvironment("localhost").validate())
                .hasMessageStartingWith("$KAFKA_BOOTSTRAP_SERVERS: 'localhost' is not HOST:PORT");
        assertThatThrownBy(() -> withEnvironment(null, "--property", "bootstrap.servers=h1 h2").validate())
                .hasMessageStartingWith("--property bootstrap.servers: 'h1 h2' is not HOST:PORT");
        withEnvironment("localhost", "--bootstrap-server", "a:1").validate(); // the option wins: no complaint
    }

    @Test
    void aPropertyValueIsNeverEchoed() {
        ProgramOutput result = producer("--property", "sasl.jaas.config:secret-password");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("secret-password");
    }
}
