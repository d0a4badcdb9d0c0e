package dev.kafkatutorial.useractivity.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole numbers, rates and offsets: --max-messages, --timeout-ms, --partition, --seed, --rate, --offset. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class NumberConverters {

    private NumberConverters() {
    }

    /** A whole number of at least 1. */
    public static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, 1);
        }
    }

    /** Milliseconds to wait, 1 up to 2^31-1 (24 days): the idle clock counts in nanoseconds, which a long must hold. */
    public static final class TimeoutMillis implements ITypeConverter<Long> {
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
    public static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = wholeNumber(value, 0);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
            return (int) n;
        }
    }

    /** Any whole number (a seed). */
    public static final class AnyLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, Long.MIN_VALUE);
        }
    }

    public static final class Rate implements ITypeConverter<Double> {
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

    /** An offset as kafka-console-consumer's --offset takes it: a whole number, earliest or latest. */
    public static final class OffsetSpec implements ITypeConverter<String> {
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
}
