package dev.kafkatutorial.useractivity.consumer;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.ProgramOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --share-group and --group-protocol: what they take, and each option they refuse in one line, exit 2. */
class ShareGroupOptionsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--group g|--group means nothing with --share-group",
        "--partition 0|--partition means nothing with --share-group",
        "--manual-commit|--manual-commit means nothing with --share-group",
        "--from-beginning|--from-beginning means nothing with --share-group",
        "--last 3|--last means nothing with --share-group",
        "--from-time 1h|--from-time means nothing with --share-group",
        "--to-end|--to-end means nothing with --share-group",
        "--explain|--explain means nothing with --share-group",
        "--isolation-level read_committed|--isolation-level means nothing with --share-group",
        "--group-protocol consumer|--group-protocol means nothing with --share-group",
        "--print lag|--print lag means nothing with --share-group"})
    void optionsThatMeanNothingToAShareGroupAreRefused(String option, String line) {
        String[] args = ("--share-group s " + option).split(" ");
        ProgramOutput refused = consumer(args);
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).hasSize(1).first().asString().contains(line);
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aGroupGivenAsAPropertyIsRefusedLikeTheOption() {
        ProgramOutput refused = consumer("--share-group", "s", "--consumer-property", "group.id=other");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).hasSize(1).first().asString()
                .contains("group.id=other", "means nothing with --share-group");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"session.timeout.ms=10000", "heartbeat.interval.ms=1000",
        "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor"})
    void aClassicOnlySettingWithTheConsumerProtocolIsRefusedWithWhy(String property) {
        ProgramOutput refused = consumer("--group-protocol", "consumer", "--consumer-property", property);
        assertThat(refused.code()).isEqualTo(2);
        String name = property.substring(0, property.indexOf('='));
        assertThat(refused.err().lines().toList()).hasSize(1).first().asString()
                .contains(name + " is a setting of the classic protocol", "--group-protocol classic");
    }

    @Test
    void theClassicProtocolTakesItsOwnSettings() {
        ConsumerOptions options = picocli.CommandLine.populateCommand(new ConsumerOptions(),
                "--group-protocol", "classic", "--consumer-property", "session.timeout.ms=10000");
        assertThat(new ConsumerSettings(options).config()).containsEntry("group.protocol", "classic")
                .containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void theGroupProtocolIsLeftToKafkaUnlessGiven() {
        ConsumerOptions options = picocli.CommandLine.populateCommand(new ConsumerOptions());
        assertThat(new ConsumerSettings(options).config()).doesNotContainKey("group.protocol");
    }

    @Test
    void aShareGroupReadsBytesAndAcknowledgesExplicitly() {
        ConsumerOptions options = picocli.CommandLine.populateCommand(new ConsumerOptions(), "--share-group", "queue");
        assertThat(ConsumerSettings.shareReader(options))
                .containsEntry("group.id", "queue")
                .containsEntry("share.acknowledgement.mode", "explicit")
                .containsEntry("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class)
                .doesNotContainKeys("enable.auto.commit", "auto.offset.reset", "isolation.level");
    }
}
