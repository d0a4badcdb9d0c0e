package dev.kafkatutorial.useractivity.cli;

import java.util.regex.Pattern;
import org.apache.kafka.common.internals.Topic;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Names: --topic and --output-topic, --group, --include's pattern, --key's field. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class NameConverters {

    private NameConverters() {
    }

    /**
     * A topic's name, by Kafka's rules ({@link Topic#validate(String)}): not empty, not {@code .} or {@code ..},
     * at most 249 characters, only ASCII letters, digits, {@code .}, {@code _} and {@code -}. Kafka checks them
     * only once a client asks for the topic, and answers with a line of its own from deep in a send or a fetch
     * (the processor's writes fail inside transactions it then aborts, one after another); here the name is
     * refused before any client is built, in the user's language, naming the rule.
     */
    public static final class TopicName implements ITypeConverter<String> {
        /** Kafka's limit (Topic.MAX_NAME_LENGTH, private there): a partition's directory name is topic-partition. */
        static final int MAX_LENGTH = 249;

        @Override
        public String convert(String value) {
            if (Topic.isValid(value)) {
                return value;
            }
            if (value.isEmpty()) {
                throw new Localized.BadValue(language -> new UsageLines(language).topicEmpty());
            }
            if (value.equals(".") || value.equals("..")) {
                throw new Localized.BadValue(language -> new UsageLines(language).topicDots());
            }
            if (value.length() > MAX_LENGTH) {
                throw new Localized.BadValue(language -> new UsageLines(language).topicTooLong(value.length(), MAX_LENGTH));
            }
            int character = value.codePoints().filter(c -> !isLegal(c)).findFirst().orElse(-1);
            if (character >= 0) {
                throw new Localized.BadValue(language -> new UsageLines(language).topicCharacter(value, character));
            }
            // A rule Kafka has and this class does not know yet: Kafka's own words.
            Topic.validate(value, "topic name '" + Lines.escape(value) + "'", reason -> {
                throw new TypeConversionException(reason);
            });
            return value;
        }

        /** Kafka's Topic.LEGAL_CHARS, [a-zA-Z0-9._-]. */
        private static boolean isLegal(int c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
        }
    }

    /** A consumer group's name: Kafka refuses an empty or blank group.id, but only once the client is built. */
    public static final class GroupName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("the group name is empty");
            }
            return value;
        }
    }

    /** --include: a Java regular expression, checked here so a bad one is a usage error naming the option. */
    public static final class TopicPattern implements ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** The field to key records by; the event has one that identifies a user. */
    public static final class KeyField implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.trim().equals("user_id")) {
                throw new TypeConversionException("'" + value + "' is not a field to key by: use user_id");
            }
            return "user_id";
        }
    }
}
