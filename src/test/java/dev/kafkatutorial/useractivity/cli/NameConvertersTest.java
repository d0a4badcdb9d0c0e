package dev.kafkatutorial.useractivity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkatutorial.useractivity.Language;
import java.util.List;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Topic names by Kafka's rules, each refusal naming its rule in Korean and English. */
class NameConvertersTest {

    private final NameConverters.TopicName topic = new NameConverters.TopicName();

    private Localized refusal(String name) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> topic.convert(name));
        assertThat(thrown).isInstanceOf(TypeConversionException.class).isInstanceOf(Localized.class);
        return (Localized) thrown;
    }

    @Test
    void eachRuleIsNamedInBothLanguages() {
        assertThat(refusal("").reason(Language.en)).isEqualTo("the topic name is empty");
        assertThat(refusal("").reason(Language.ko)).isEqualTo("토픽 이름이 비어 있습니다");
        assertThat(refusal("..").reason(Language.en)).isEqualTo("a topic cannot be named '.' or '..'");
        assertThat(refusal(".").reason(Language.ko)).isEqualTo("토픽 이름은 '.'이나 '..'일 수 없습니다");
        assertThat(refusal("t".repeat(250)).reason(Language.en))
                .isEqualTo("the topic name is 250 characters long: Kafka allows at most 249");
        assertThat(refusal("t".repeat(250)).reason(Language.ko)).isEqualTo("토픽 이름이 250자입니다: 카프카는 249자까지 허용합니다");
        assertThat(refusal("bad topic").reason(Language.en)).isEqualTo("the topic name 'bad topic' has a character "
                + "Kafka does not allow, ' ' (U+0020): only ASCII letters, digits, '.', '_' and '-'");
        assertThat(refusal("bad topic").reason(Language.ko)).isEqualTo("토픽 이름 'bad topic'에 쓸 수 없는 문자 ' ' "
                + "(U+0020)이(가) 있습니다: 영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다");
    }

    @Test
    void aControlCharacterIsShownEscapedNeverRaw() {
        String reason = refusal("a\u001b[2Jb").reason(Language.en);
        assertThat(reason).contains("'\\x1b' (U+001B)").doesNotContain("\u001b");
        assertThat(refusal("토픽").reason(Language.en)).contains("'토' (U+D1A0)");
    }

    /** Kafka's Topic.isValid is the authority: the converter takes what it takes and refuses what it refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"user_activity", "a", "A-Z.0_9", "...", ".a", "a..b", "__consumer_offsets", "x", "bad topic",
        "", ".", "..", "a/b", "a:b", "é", "tab\there", "a,b", "a*"})
    void agreesWithKafka(String name) {
        if (Topic.isValid(name)) {
            assertThat(topic.convert(name)).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> topic.convert(name)).isInstanceOf(TypeConversionException.class);
        }
    }

    @Test
    void kafkasLengthLimitIsTheConvertersLimit() {
        for (int length : List.of(248, 249, 250, 300)) {
            String name = "n".repeat(length);
            assertThat(Topic.isValid(name)).isEqualTo(length <= NameConverters.TopicName.MAX_LENGTH);
            if (length <= NameConverters.TopicName.MAX_LENGTH) {
                assertThat(topic.convert(name)).isEqualTo(name);
            }
        }
    }
}
