package dev.kafkatutorial.useractivity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivityConsumer;
import dev.kafkatutorial.useractivity.UserActivityProducer;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class OptionsTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(BiFunction<PrintStream, PrintStream, Integer> program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = program.apply(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result producer(String... args) {
        return run((out, err) -> UserActivityProducer.run(args, out, err));
    }

    private static Result consumer(String... args) {
        return run((out, err) -> UserActivityConsumer.run(args, out, err));
    }

    private static ProducerOptions parseProducer(String... args) {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options;
    }

    @Test
    void defaultsAreTheTutorials() {
        ProducerOptions producer = parseProducer();
        assertThat(producer.client().topic()).isEqualTo("user_activity");
        assertThat(producer.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(producer.maxMessages()).isEqualTo(Long.MAX_VALUE);
        assertThat(producer.client().language()).isEqualTo(Language.ko);

        ConsumerOptions consumer = new ConsumerOptions();
        new CommandLine(consumer).parseArgs();
        assertThat(consumer.group()).isEqualTo("user_activity_group");
        assertThat(consumer.timeout()).isNull();
    }

    @Test
    void quietIsOffUnlessAsked() {
        assertThat(parseProducer().quiet()).isFalse();
        assertThat(parseProducer("--quiet", "--interval", "0").quiet()).isTrue();
    }

    @Test
    void helpListsQuiet() {
        assertThat(producer("--help").out()).contains("--quiet");
    }

    @Test
    void helpListsTheRateDurationHeaderAndPropertyOptions() {
        assertThat(producer("--help").out()).contains("--rate=N", "--duration=DURATION", "--header=KEY=VALUE",
                "--producer-property=KEY=VALUE", "--property, --command-property=KEY=VALUE");
        assertThat(consumer("--help").out()).contains("--consumer-property=KEY=VALUE", "--property, --command-property");
    }

    @Test
    void theConsumersOwnPropertyReachesItsClientAndCommandPropertyWins() {
        ConsumerOptions consumer = new ConsumerOptions();
        new CommandLine(consumer).parseArgs("--consumer-property", "fetch.max.wait.ms=100",
                "--consumer-property", "max.poll.records=5", "--command-property", "max.poll.records=7");
        assertThat(consumer.client().userProperties()).containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("max.poll.records", "7");
    }

    @Test
    void theDefaultPaceIsStillTheTutorials5sAndARateReplacesIt() {
        assertThat(parseProducer().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parseProducer("--rate", "0.5").interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(parseProducer("--duration", "3s").duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parseProducer("--header", "a=b=c").headers()).containsExactly(java.util.Map.entry("a", "b=c"));
    }

    @ParameterizedTest
    @CsvSource({"5s, 5000", "500ms, 500", "0, 0", "1m, 60000", "2, 2000", "1.5s, 1500", "PT0.25S, 250"})
    void intervalsReadLikeKafkaToolsDurations(String value, long millis) {
        assertThat(parseProducer("--interval", value).interval()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void explicitBootstrapServerWinsOverPropertiesWhichWinOverTheDefault(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=from-file:9092\nsecurity.protocol=SASL_SSL\n");

        ClientOptions fromFile = parseProducer("--command-config", config.toString()).client();
        assertThat(fromFile.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(fromFile.userProperties()).containsEntry("security.protocol", "SASL_SSL");

        ClientOptions propertyOverFile = parseProducer("--command-config", config.toString(),
                "--property", "bootstrap.servers=from-property:9092", "--property", "linger.ms=7").client();
        assertThat(propertyOverFile.bootstrapServers()).isEqualTo("from-property:9092");
        assertThat(propertyOverFile.userProperties()).containsEntry("linger.ms", "7");

        ClientOptions explicit = parseProducer("--command-config", config.toString(),
                "--bootstrap-server", "explicit:9092").client();
        assertThat(explicit.bootstrapServers()).isEqualTo("explicit:9092");

        // With nothing given it is $KAFKA_BOOTSTRAP_SERVERS, else the tutorial's localhost:9092.
        String env = System.getenv(ClientOptions.BOOTSTRAP_ENV);
        assertThat(parseProducer().client().bootstrapServers())
                .isEqualTo(env == null || env.isBlank() ? "localhost:9092" : env);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--interval abc              | --interval",
        "--interval -5s              | --interval",
        "--max-messages abc          | --max-messages",
        "--max-messages 0            | --max-messages",
        "--max-messages -3           | --max-messages",
        "--seed x                    | --seed",
        "--lang fr                   | --lang",
        "--property novalue          | --property",
        "--property =v               | --property",
        "--command-config /no/such   | --command-config",
        "--frobnicate                | --frobnicate",
        "--topic                     | --topic",
        "--key name                  | --key",
        "extra                       | extra",
        "--interval PT3000000H       | '--interval': 'PT3000000H' is too long",
        "--interval 99999999999999999999 | '--interval': '99999999999999999999' is too long",
        "--max-messages 99999999999999999999 | '--max-messages': '99999999999999999999' is too large",
        "--bootstrap-server localhost | '--bootstrap-server': 'localhost' is not HOST:PORT",
        "--bootstrap-server localhost:99999 | '--bootstrap-server': 'localhost:99999': the port must be 1 to 65535",
        "--bootstrap-server a:1,,b:2 | '--bootstrap-server': 'a:1,,b:2' has an empty address",
        "--command-config=           | '--command-config': the file name is empty",
        "--command-config .          | '--command-config': cannot read .: it is a directory",
        "--rate -5                   | '--rate': '-5' must be more than 0",
        "--rate 0                    | '--rate': '0' must be more than 0",
        "--rate fast                 | '--rate'",
        "--rate 200 --interval 1s    | --rate and --interval cannot be given together",
        "--interval 0 --rate 200     | --rate and --interval cannot be given together",
        "--duration soon             | '--duration': 'soon' is not a duration",
        "--duration -3s              | '--duration'",
        "--duration 0                | --duration must be more than 0",
        "--header novalue            | '--header' (KEY=VALUE): expected KEY=VALUE",
        "--header =v                 | '--header'",
        "--header event-id=x         | '--header' (KEY=VALUE): event-id is the producer's own header",
        "--producer-property novalue | '--producer-property'",
        "--command-property novalue  | '--command-property'",
    })
    void aBadProducerValueExits2WithOneLineNamingIt(String args, String named) {
        Result result = producer(args.trim().split("\\s+"));
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("user-activity-producer: ").contains(named)
                .hasLineCount(1).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--timeout-ms soon           | --timeout-ms",
        "--timeout-ms 0              | --timeout-ms",
        "--max-messages 1.5          | --max-messages",
        "--group                     | --group",
        "--interval 5s               | --interval",
        "--offset 5                  | --offset needs --partition",
        "--partition -1              | --partition",
        "--partition 0 --offset soon | --offset",
        "--output xml                | --output",
        "--offset-reset middle       | --offset-reset",
        "--from-beginning --offset-reset latest | --from-beginning",
        "--timeout-ms 10000000000000 | '--timeout-ms': '10000000000000' is too large",
        "--group=                    | '--group': the group name is empty",
        "--partition 0 --group G     | options --group and --partition cannot be specified together",
        "--group G --partition 0 --offset 3 | options --group and --partition cannot be specified together",
        "--consumer-property novalue | '--consumer-property'",
        "--audit-file /tmp/a.ids     | --audit-file needs --audit",
        "--from-time yesterday       | '--from-time': 'yesterday' is not a time",
        "--from-time 2026-13-01T00:00 | '--from-time'",
        "--from-time 10m --from-beginning | --from-time cannot be combined",
        "--last 0                    | '--last'",
        "--last 5 --partition 0      | --last cannot be combined",
    })
    void aBadConsumerValueExits2WithOneLineNamingIt(String args, String named) {
        Result result = consumer(args.trim().split("\\s+"));
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("user-activity-consumer: ").contains(named).hasLineCount(1);
    }

    @Test
    void aOneOffReadUsesAThrowAwayGroupUnlessOneIsNamed() {
        ConsumerOptions tutorial = new ConsumerOptions();
        new CommandLine(tutorial).parseArgs();
        assertThat(tutorial.group()).isEqualTo("user_activity_group");
        assertThat(tutorial.isThrowAwayGroup()).isFalse();

        ConsumerOptions fromBeginning = new ConsumerOptions();
        new CommandLine(fromBeginning).parseArgs("--from-beginning");
        assertThat(fromBeginning.isThrowAwayGroup()).isTrue();
        assertThat(fromBeginning.group()).startsWith("user-activity-consumer-").isEqualTo(fromBeginning.group());

        ConsumerOptions named = new ConsumerOptions();
        new CommandLine(named).parseArgs("--from-beginning", "--group", "mine");
        assertThat(named.group()).isEqualTo("mine");
        assertThat(named.isThrowAwayGroup()).isFalse();
    }

    @Test
    void twoHostsWithASpaceAreOneBadAddressNamingTheOption() {
        Result result = consumer("--bootstrap-server", "h1 h2");
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

    private static ConsumerOptions withEnvironment(String bootstrapServers, String... args) {
        ConsumerOptions options = new ConsumerOptions();
        options.client().environment = name -> name.equals(ClientOptions.BOOTSTRAP_ENV) ? bootstrapServers : null;
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void adviceNamesWhereTheAddressCameFrom(@TempDir Path dir) throws IOException {
        assertThat(withEnvironment("nosuchhost.invalid:9092").client().bootstrapSource())
                .isEqualTo("$KAFKA_BOOTSTRAP_SERVERS");
        assertThat(withEnvironment("nosuchhost.invalid:9092", "--bootstrap-server", "a:1").client().bootstrapSource())
                .isEqualTo("--bootstrap-server");
        assertThat(withEnvironment(null).client().bootstrapSource()).isEqualTo("--bootstrap-server");
        assertThat(withEnvironment(null, "--property", "bootstrap.servers=a:1").client().bootstrapSource())
                .isEqualTo("--property bootstrap.servers");
        Path config = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=a:1\n");
        assertThat(withEnvironment("b:2", "--command-config", config.toString()).client().bootstrapSource())
                .isEqualTo("bootstrap.servers in " + config + " (--command-config)");
    }

    @Test
    void aBadAddressFromTheEnvironmentOrAPropertyNamesItsSource() {
        assertThatThrownBy(() -> withEnvironment("localhost").client().validate())
                .hasMessageStartingWith("$KAFKA_BOOTSTRAP_SERVERS: 'localhost' is not HOST:PORT");
        assertThatThrownBy(() -> withEnvironment(null, "--property", "bootstrap.servers=h1 h2").client().validate())
                .hasMessageStartingWith("--property bootstrap.servers: 'h1 h2' is not HOST:PORT");
        withEnvironment("localhost", "--bootstrap-server", "a:1").client().validate(); // the option wins: no complaint
    }

    @Test
    void anArgumentTheLocaleCouldNotDecodeIsRefused() {
        // What the JVM hands main under LC_ALL=C for "--group 그룹": one U+FFFD per byte.
        Result result = consumer("--group", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("user-activity-consumer: ").contains("use a UTF-8 locale").hasLineCount(1);
        assertThat(producer("--help").code()).isZero();
    }

    @Test
    void aPropertyValueIsNeverEchoed() {
        Result result = producer("--property", "sasl.jaas.config:secret-password");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("secret-password");
    }

    @Test
    void helpAndVersionAnswerOnStdoutAndExit0() {
        Result help = consumer("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--bootstrap-server", "--topic", "--group", "--max-messages", "--timeout-ms",
                "--command-config", "--property", "--lang", "--verbose", "--version");

        Result version = producer("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("user-activity-kafka \\S+ \\(Kafka 4\\.\\d+\\.\\d+\\)\\R");
    }
}
