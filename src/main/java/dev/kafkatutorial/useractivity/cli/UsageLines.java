package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Language;

/**
 * The lines of a refused command line that every program shares: the frame {@link Cli} puts around a
 * {@link Localized} reason, Kafka's rules for a topic name, and a client property that contradicts the option
 * that sets the same thing. A program's own refusals are in its lines class.
 */
public final class UsageLines extends Lines {

    public UsageLines(Language language) {
        super(language);
    }

    /** A value refused while parsing; the English frame is picocli's own, as for every other bad value. */
    public String invalidValue(String option, String reason) {
        return pick("'" + option + "' 옵션의 값이 잘못되었습니다: " + reason + " (--help 참고)",
                "Invalid value for option '" + option + "': " + reason + " (see --help)");
    }

    /** A combination of options refused after parsing. */
    public String refused(String reason) {
        return reason + pick(" (--help 참고)", " (see --help)");
    }

    public String topicEmpty() {
        return pick("토픽 이름이 비어 있습니다", "the topic name is empty");
    }

    public String topicDots() {
        return pick("토픽 이름은 '.'이나 '..'일 수 없습니다", "a topic cannot be named '.' or '..'");
    }

    public String topicTooLong(int length, int max) {
        return pick("토픽 이름이 " + length + "자입니다: 카프카는 " + max + "자까지 허용합니다",
                "the topic name is " + length + " characters long: Kafka allows at most " + max);
    }

    /** {@code character}: the first one Kafka does not allow, shown quoted and as its code point. */
    public String topicCharacter(String name, int character) {
        String shown = "'" + escape(Character.toString(character)) + "' (U+" + String.format("%04X", character) + ")";
        return pick("토픽 이름 '" + escape(name) + "'에 쓸 수 없는 문자 " + shown + "이(가) 있습니다: 영문자, 숫자, "
                        + "'.', '_', '-'만 쓸 수 있습니다",
                "the topic name '" + escape(name) + "' has a character Kafka does not allow, " + shown
                        + ": only ASCII letters, digits, '.', '_' and '-'");
    }

    /** The same setting given twice with different values, e.g. {@code --group gA} and {@code group.id=gB}. */
    public String contradiction(String first, String second) {
        return pick(first + ", " + second + ": 값이 서로 다릅니다. 한 곳에서만 주거나 같은 값을 주세요",
                first + " and " + second + " do not match: give one of them, or the same value in both");
    }

    /** A client property whose value the option it stands for cannot take. */
    public String notOneOf(String given, String allowed) {
        return pick(given + ": " + allowed + " 중 하나여야 합니다", given + ": must be one of " + allowed);
    }

    public String emptyValue(String given) {
        return pick(given + ": 값이 비어 있습니다", given + ": the value is empty");
    }
}
