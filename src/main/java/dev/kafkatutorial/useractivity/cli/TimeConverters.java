package dev.kafkatutorial.useractivity.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations and points in time: --interval, --duration, --from-time. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class TimeConverters {

    private TimeConverters() {
    }

    /** {@code 5s}, {@code 500ms}, {@code 1m}, {@code 0}, a bare number of seconds, or ISO-8601 ({@code PT5S}). */
    public static final class Interval implements ITypeConverter<Duration> {
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

    /**
     * {@code --from-time}: epoch milliseconds from ISO-8601 with a zone ({@code 2026-11-25T10:00:00Z}), without
     * one (the local zone), epoch milliseconds, or a relative {@code 10m}, {@code 2h}, {@code 1d} meaning that long ago.
     * Not before 1970-01-01T00:00:00Z: Kafka's timestamps count milliseconds from there, and its consumer refuses a
     * negative time to search for ({@code offsetsForTimes}), where this program could only find out at the first
     * assignment.
     */
    public static final class EpochTime implements ITypeConverter<Long> {
        private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");

        @Override
        public Long convert(String value) {
            long epochMillis = parse(value);
            if (epochMillis < 0) {
                throw new TypeConversionException("'" + value + "' is before 1970-01-01T00:00:00Z, where Kafka's "
                        + "timestamps begin");
            }
            return epochMillis;
        }

        private static long parse(String value) {
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
}
