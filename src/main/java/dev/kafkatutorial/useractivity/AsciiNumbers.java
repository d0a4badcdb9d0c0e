package dev.kafkatutorial.useractivity;

/**
 * Whole numbers >= 0 as ASCII digits written straight into a byte array: what the event-id header and the
 * consumer's byte-level lines need per event, without a String in between.
 */
public final class AsciiNumbers {

    private AsciiNumbers() {
    }

    /** How many digits {@code value} (>= 0) has. */
    public static int digits(long value) {
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        return n;
    }

    /** Writes {@code value} (>= 0) at {@code at}; returns the index after its last digit. */
    public static int write(byte[] out, int at, long value) {
        int end = at + digits(value);
        long v = value;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }
}
