package dev.kafkatutorial.useractivity.producer;

import static dev.kafkatutorial.useractivity.ProgramOutput.producer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.ProgramOutput;
import dev.kafkatutorial.useractivity.cli.Cli;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The producer's options: the tutorial's defaults, the pace, transactions, and one line for each bad value. */
class ProducerOptionsTest {

    private static ProducerOptions parseProducer(String... args) {
        return CommandLine.populateCommand(new ProducerOptions(), args);
    }

    @Test
    void defaultsAreTheTutorials() {
        ProducerOptions producer = parseProducer();
        assertThat(producer.client().topic()).isEqualTo("user_activity");
        assertThat(producer.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(producer.maxMessages()).isEqualTo(Long.MAX_VALUE);
        assertThat(producer.client().language()).isEqualTo(Language.ko);
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
    }

    @Test
    void theDefaultPaceIsStillTheTutorials5sAndARateReplacesIt() {
        assertThat(parseProducer().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parseProducer("--rate", "0.5").interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(parseProducer("--duration", "3s").duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parseProducer("--header", "a=b=c").headers()).containsExactly(java.util.Map.entry("a", "b=c"));
    }

    @Test
    void aRateIsAPaceBetweenEvents() {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs("--rate", "200");
        assertThat(options.interval()).isEqualTo(java.time.Duration.ofMillis(5));
    }

    @ParameterizedTest
    @CsvSource({"5s, 5000", "500ms, 500", "0, 0", "1m, 60000", "2, 2000", "1.5s, 1500", "PT0.25S, 250"})
    void intervalsReadLikeKafkaToolsDurations(String value, long millis) {
        assertThat(parseProducer("--interval", value).interval()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void transactionOptionsDefaultAndNeedATransactionalId() {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs("--transactional-id", "tx");
        assertThat(options.transactionalId()).isEqualTo("tx");
        assertThat(options.transactionSize()).isEqualTo(10);
        assertThat(options.abortEvery()).isZero();

        String[] err = new String[1];
        assertThat(run(e -> err[0] = e, "--abort-every", "3")).isEqualTo(Cli.USAGE);
        assertThat(err[0]).isEqualTo("user-activity-producer: --transaction-size and --abort-every need "
                + "--transactional-id (see --help)\n");
        assertThat(run(e -> err[0] = e, "--transactional-id", "tx", "--transaction-size", "0")).isEqualTo(Cli.USAGE);
    }

    @Test
    void aTransactionThatWouldOutlastTheTransactionTimeoutIsRefused() {
        // 5 s x 200 = 1000 s: past the 15 minutes a broker allows by default, so every transaction would be aborted
        // by the broker (InvalidProducerEpochException) before its commit.
        ProgramOutput tooLong = producer("--transactional-id", "tx", "--interval", "5s", "--transaction-size", "200",
                "--bootstrap-server", "localhost:1");
        tooLong.assertRefused("user-activity-producer", "--interval 5s x --transaction-size 200 = 1000 s");
        assertThat(tooLong.err()).contains("트랜잭션 타임아웃 transaction.timeout.ms(900 s)보다 길어");
        // The user's own transaction.timeout.ms counts: 10 events at 1 s last 10 s, more than 8 s.
        producer("--transactional-id", "tx", "--interval", "1s", "--transaction-size", "10", "--lang", "en",
                "--producer-property", "transaction.timeout.ms=8000", "--bootstrap-server", "localhost:1")
                .assertRefused("user-activity-producer", "would outlast the transaction timeout, "
                        + "transaction.timeout.ms (8 s)");
        // --rate 0.2 is --interval 5s
        producer("--transactional-id", "tx", "--rate", "0.2", "--transaction-size", "200", "--bootstrap-server",
                "localhost:1")
                .assertRefused("user-activity-producer", "--transaction-size 200");
        assertThat(parseProducer("--transactional-id", "tx", "--interval", "5s", "--transaction-size", "179")
                .transactionSize()).isEqualTo(179); // 895 s: accepted
    }

    private static int run(java.util.function.Consumer<String> err, String... args) {
        ProgramOutput run = producer(args);
        err.accept(run.err());
        return run.code();
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
        producer(args.trim().split("\\s+")).assertRefused("user-activity-producer", named);
    }

    private static ProducerOptions checked(String... args) {
        return ProgramOutput.checked(new ProducerOptions(), args);
    }

    /**
     * Issue 22: a combination that would silently drop one of its options is refused instead (item 11), and so is
     * a topic name Kafka would refuse, naming the rule (item 13).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--quiet --output json       | --quiet prints no line per event and --output json one JSON line per event: give one of them",
        "--output json --quiet       | --quiet prints no line per event",
        "--quiet --explain           | --explain explains each event after its line, and --quiet prints no line per event",
        "--transactional-id t1 --producer-property transactional.id=t2 | "
                + "--transactional-id t1 and transactional.id=t2 (--producer-property) do not match",
        "--command-property transactional.id=t2 --transactional-id t1 | "
                + "--transactional-id t1 and transactional.id=t2 (--command-property) do not match",
        "--producer-property transactional.id= | transactional.id= (--producer-property): the value is empty",
        "--topic=          | Invalid value for option '--topic': the topic name is empty (see --help)",
        "--topic=.         | Invalid value for option '--topic': a topic cannot be named '.' or '..'",
        "--topic=..        | a topic cannot be named '.' or '..'",
        "--topic=a/b       | the topic name 'a/b' has a character Kafka does not allow, '/' (U+002F): only ASCII "
                + "letters, digits, '.', '_' and '-'",
        "--topic=user:act  | ':' (U+003A)",
    })
    void aRefusedCombinationOrTopicNameExits2(String args, String named) {
        producer(("--lang en " + args).trim().split("\\s+")).assertRefused("user-activity-producer", named);
    }

    @Test
    void theRefusalIsKoreanByDefault() {
        producer("--quiet", "--output", "json").assertRefused("user-activity-producer",
                "--quiet는 이벤트마다 줄을 찍지 않고, --output json은 이벤트마다 JSON 줄을 찍습니다: 둘 중 하나만 주세요 (--help 참고)");
    }

    /** Issue 22, item 11: transactional.id given as a property is --transactional-id; the program runs the transactions. */
    @Test
    void aTransactionalIdGivenAsAPropertyCountsAsTheOption() {
        ProducerOptions options = checked("--producer-property", "transactional.id=tx", "--transaction-size", "4");
        assertThat(options).isNotNull();
        assertThat(options.transactionalId()).isEqualTo("tx");
        assertThat(new ProducerSettings(options).config()).containsEntry("transactional.id", "tx")
                .containsKey("transaction.timeout.ms");
        assertThat(checked("--transactional-id", "tx", "--command-property", "transactional.id=tx").transactionalId())
                .as("the same id in both places").isEqualTo("tx");
    }

    @Test
    void aTopicNameIsCheckedInTheLanguageOfLangWhereverLangIs() {
        producer("--topic", "bad topic", "--lang", "en").assertRefused("user-activity-producer",
                "Invalid value for option '--topic': the topic name 'bad topic' has a character Kafka does not allow, "
                        + "' ' (U+0020)");
        producer("--topic", "bad topic").assertRefused("user-activity-producer",
                "'--topic' 옵션의 값이 잘못되었습니다: 토픽 이름 'bad topic'에 쓸 수 없는 문자 ' ' (U+0020)이(가) 있습니다");
        producer("--lang=en", "--topic", "a".repeat(250)).assertRefused("user-activity-producer",
                "the topic name is 250 characters long: Kafka allows at most 249");
        assertThat(checked("--topic", "a".repeat(249))).as("249 characters is Kafka's limit, allowed").isNotNull();
        assertThat(checked("--topic", "Ab.c_d-9")).isNotNull();
    }
}
