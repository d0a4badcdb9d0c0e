package dev.kafkatutorial.useractivity.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
        private static final Duration MAX = Duration.ofHours(24);

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
                if (d.compareTo(MAX) > 0) { // the pacing counts in nanoseconds: PT3000000H would overflow a long
                    throw new TypeConversionException("'" + value + "' is too long: at most 24h (PT24H)");
                }
                return d;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (examples: 5s, 500ms, 1m, 0)");
            }
        }
    }

    /** Events per second: a number above 0, at most a million (Pace counts the pause in whole nanoseconds). */
    /** --include: a Java regular expression, checked here so a bad one is a usage error naming the option. */
    static final class TopicPattern implements ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a regular expression: " + e.getDescription());
            }
        }
    }

    static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double n;
            try {
                n = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of events per second");
            }
            if (!(n > 0) || Double.isInfinite(n)) {
                throw new TypeConversionException("'" + value + "' must be more than 0 (use --interval 0 for as "
                        + "fast as possible)");
            }
            if (n > 1_000_000) {
                throw new TypeConversionException("'" + value + "' is too large: at most 1000000");
            }
            return n;
        }
    }

    /** A record header, KEY=VALUE; event-id is the program's own. */
    static final class Header implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || value.substring(0, eq).isBlank()) {
                throw new TypeConversionException("expected KEY=VALUE, e.g. --header source=demo");
            }
            String key = value.substring(0, eq).trim();
            if (key.equals("event-id")) {
                throw new TypeConversionException("event-id is the producer's own header");
            }
            return Map.entry(key, value.substring(eq + 1));
        }
    }

    /** A whole number of at least 1. */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, 1);
        }
    }

    /** Milliseconds to wait, 1 up to 2^31-1 (24 days): the idle clock counts in nanoseconds, which a long must hold. */
    static final class TimeoutMillis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n = wholeNumber(value, 1);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large: at most " + Integer.MAX_VALUE
                        + " (24 days); leave --timeout-ms out to wait for ever");
            }
            return n;
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
            throw new TypeConversionException("'" + value + "' is "
                    + (value.trim().matches("[+-]?\\d+") ? "too large" : "not a whole number"));
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
                if (Long.parseLong(v) != Long.MIN_VALUE) { // -N: the last N events, as kcat's -o -N
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not an offset: use a whole number (-N: the last N), earliest or latest");
        }
    }

    /**
     * {@code --from-time}: epoch milliseconds from ISO-8601 with a zone ({@code 2026-11-25T10:00:00Z}), without
     * one (the local zone), epoch milliseconds, or a relative {@code 10m}, {@code 2h}, {@code 1d} meaning that long ago.
     */
    static final class EpochTime implements ITypeConverter<Long> {
        private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");

        @Override
        public Long convert(String value) {
            String v = value.trim();
            try {
                if (v.matches("\\d{1,18}")) {
                    return Long.parseLong(v);
                }
                Matcher relative = RELATIVE.matcher(v);
                if (relative.matches()) {
                    long n = Long.parseLong(relative.group(1));
                    Duration ago = switch (relative.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                    return System.currentTimeMillis() - ago.toMillis();
                }
                try {
                    return java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    return java.time.LocalDateTime.parse(v).atZone(java.time.ZoneId.systemDefault()).toInstant()
                            .toEpochMilli();
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is not a time: use ISO-8601 (2026-11-25T10:00:00Z, "
                        + "2026-11-25T19:00), epoch milliseconds, or 10m / 2h / 1d ago");
            }
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
            if (value.isBlank()) {
                throw new TypeConversionException("the file name is empty");
            }
            Path path = Path.of(value);
            if (Files.isDirectory(path)) {
                throw new TypeConversionException("cannot read " + value + ": it is a directory");
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (NoSuchFileException e) {
                throw new TypeConversionException("no such file: " + value);
            } catch (CharacterCodingException e) {
                throw new TypeConversionException(value + " is not UTF-8 text");
            } catch (AccessDeniedException e) {
                throw new TypeConversionException("cannot read " + value + ": permission denied");
            } catch (FileSystemException e) {
                // The OS's reason ("Not a directory", "Input/output error"); its message repeats the path.
                throw new TypeConversionException("cannot read " + value + ": "
                        + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a malformed \\uXXXX escape; the message names no property value
                throw new TypeConversionException("cannot read " + value + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            return new ConfigFile(path, properties);
        }
    }

    /** A consumer group's name: Kafka refuses an empty or blank group.id, but only once the client is built. */
    static final class GroupName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("the group name is empty");
            }
            return value;
        }
    }

    /** {@code --bootstrap-server}: HOST:PORT, or several separated by commas. */
    static final class BootstrapServers implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String problem = bootstrapProblem(value);
            if (problem != null) {
                throw new TypeConversionException(problem);
            }
            return value.trim();
        }
    }

    /** host:port, [ipv6]:port, optionally PLAINTEXT:// before it; what Kafka's own parser (Utils.getHost) accepts. */
    private static final Pattern HOST_PORT = Pattern.compile("(?:[a-zA-Z_]+://)?(\\[[0-9a-zA-Z%.:]+\\]|[0-9a-zA-Z\\-%._:]+):(\\d{1,5})");

    /**
     * What is wrong with a bootstrap.servers value, or {@code null}. Checked before any client is built, so a
     * missing port or a space reads as the typo it is instead of "no resolvable bootstrap urls" at run time.
     */
    static String bootstrapProblem(String value) {
        if (value == null || value.isBlank()) {
            return "the address is empty: give HOST:PORT, e.g. localhost:9092";
        }
        for (String entry : value.split(",", -1)) {
            String address = entry.trim();
            Matcher m = HOST_PORT.matcher(address);
            if (address.isEmpty()) {
                return "'" + value + "' has an empty address between commas";
            }
            if (!m.matches()) {
                return "'" + address + "' is not HOST:PORT (e.g. localhost:9092"
                        + (address.matches(".*\\s.*") ? "; separate several with commas" : "")
                        + (address.indexOf(':') < 0 ? "; it has no port" : "") + ")";
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                return "'" + address + "': the port must be 1 to 65535";
            }
        }
        return null;
    }

    /** A loaded {@code --command-config} (a record, so picocli does not take it for a KEY=VALUE map option). */
    record ConfigFile(Path path, Properties properties) {
    }
}
