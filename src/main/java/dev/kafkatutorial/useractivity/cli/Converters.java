package dev.kafkatutorial.useractivity.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters. Each rejects a bad value at parse time with a message that says what is wrong,
 * so the program exits 2 naming the option before it touches Kafka. None echoes a property's value: it
 * could be a password.
 */
final class Converters {

    private Converters() {
    }

    /** {@code 5s}, {@code 500ms}, {@code 1m}, {@code 0}, a bare number of seconds, or ISO-8601 ({@code PT5S}). */
    static final class Interval implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            Matcher m = SIMPLE.matcher(v);
            try {
                Duration d;
                if (m.matches()) {
                    double amount = Double.parseDouble(m.group(1));
                    String unit = m.group(2) == null ? "s" : m.group(2);
                    double millis = switch (unit) {
                        case "ms" -> amount;
                        case "m" -> amount * 60_000;
                        default -> amount * 1000;
                    };
                    d = Duration.ofNanos(Math.round(millis * 1_000_000));
                } else {
                    d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                }
                if (d.isNegative()) {
                    throw new TypeConversionException("'" + value + "' is negative; use 0 for as fast as possible");
                }
                return d;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (examples: 5s, 500ms, 1m, 0)");
            }
        }
    }

    /** A whole number of at least 1. */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, 1);
        }
    }

    /** A whole number of at least 0 (a partition). */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = wholeNumber(value, 0);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
            return (int) n;
        }
    }

    private static long wholeNumber(String value, long min) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new TypeConversionException("'" + value + "' " + (min == 0 ? "must not be negative" : "must be at least " + min));
        }
        return n;
    }

    /** An offset as kafka-console-consumer's --offset takes it: a whole number, earliest or latest. */
    static final class OffsetSpec implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("earliest") || v.equals("latest")) {
                return v;
            }
            try {
                if (Long.parseLong(v) >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not an offset: use a whole number, earliest or latest");
        }
    }

    /** The field to key records by; the event has one that identifies a user. */
    static final class KeyField implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.trim().equals("user_id")) {
                throw new TypeConversionException("'" + value + "' is not a field to key by: use user_id");
            }
            return "user_id";
        }
    }

    /** Any whole number (a seed). */
    static final class AnyLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, Long.MIN_VALUE);
        }
    }

    /** {@code KEY=VALUE}, as {@code kafka-console-producer --producer-property} takes it. */
    static final class KeyValue implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || value.substring(0, eq).isBlank()) {
                throw new TypeConversionException("expected KEY=VALUE, e.g. --property linger.ms=5");
            }
            return Map.entry(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
        }
    }

    /** A readable Java properties file, loaded as UTF-8 (Kafka's tools read them the same way). */
    static final class PropertiesFile implements ITypeConverter<ConfigFile> {
        @Override
        public ConfigFile convert(String value) {
            Path path = Path.of(value);
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (NoSuchFileException e) {
                throw new TypeConversionException("no such file: " + value);
            } catch (CharacterCodingException e) {
                throw new TypeConversionException(value + " is not UTF-8 text");
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a malformed \\uXXXX escape; the message names no property value
                throw new TypeConversionException("cannot read " + value + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            return new ConfigFile(path, properties);
        }
    }

    /** A loaded {@code --command-config} (a record, so picocli does not take it for a KEY=VALUE map option). */
    record ConfigFile(Path path, Properties properties) {
    }
}
