package dev.kafkatutorial.useractivity.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * lab durability's command line and its table: the eight rows in order, a subset when asked, a bad value refused
 * in one line with exit 2 before any broker starts, and the JSON row's fields as the issue names them.
 */
class DurabilityOptionsTest {

    private static DurabilityOptions parse(String... args) {
        DurabilityOptions options = new DurabilityOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        options.validate();
        return options;
    }

    @Test
    void byDefaultEightRowsAcksThenMinInsyncThenUnclean() {
        DurabilityOptions options = parse();

        assertThat(options.events()).isEqualTo(2000);
        assertThat(options.rows()).containsExactly(
                new Settings("1", 1, false), new Settings("1", 1, true),
                new Settings("1", 2, false), new Settings("1", 2, true),
                new Settings("all", 1, false), new Settings("all", 1, true),
                new Settings("all", 2, false), new Settings("all", 2, true));
    }

    @Test
    void aSubsetOfRows() {
        assertThat(parse("--acks", "all", "--min-insync-replicas", "2", "--unclean-leader-election", "off").rows())
                .containsExactly(new Settings("all", 2, false));
    }

    @ParameterizedTest(name = "lab durability {0}")
    @CsvSource(delimiter = '|', value = {
        "--acks 0                    | --acks '0': use 1 or all",
        "--events 10                 | --events 10 is out of range: use 50 to 1000000",
        "--min-insync-replicas 4     | --min-insync-replicas 4: use 1, 2 or 3",
        "--unclean-leader-election x | --unclean-leader-election",
        "--events many               | --events",
    })
    void aBadValueIsOneLineAndExit2(String args, String says) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = DurabilityLab.run(args.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("user-activity-kafka lab durability: ").contains(says);
    }

    @Test
    void aJsonRowHasTheIssuesFieldsAndATextRowItsColumns() throws Exception {
        DurabilityTable.Row row = new DurabilityTable.Row(new Settings("all", 2, true), 180, 120, 120, 0);

        assertThat(DurabilityTable.json(row).toString()).isEqualTo("{\"acks\":\"all\",\"min_insync_replicas\":2,"
                + "\"unclean_leader_election\":true,\"acked\":180,\"failed\":120,\"lost\":120,\"duplicated\":0}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DurabilityTable.text(List.of(row), 300, Duration.ofSeconds(95), new LabLines(Language.en),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "What this run measured on this machine (300 events a row, replication factor 3, 95.0 s):",
                "acks  min.insync.replicas  unclean     acked    failed      lost  duplicated",
                "all   2                    on            180       120       120           0",
                "lost = acknowledged but not read back, duplicated = read more than once (counted by event id). "
                        + "What each row means: docs/durability.md");
    }
}
