package dev.kafkatutorial.useractivity.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Names: --group, --include's pattern, --key's field. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class NameConverters {

    private NameConverters() {
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
            if (value.isEmpty()) { // Kafka's subscribe() refuses it, but only at run time and in its own words
                throw new TypeConversionException("the pattern is empty: give a regular expression the topics' "
                        + "whole names match, e.g. 'user-activity.*'");
            }
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
