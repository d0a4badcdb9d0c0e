package dev.kafkatutorial.useractivity.cli;

/**
 * Refuses arguments the JVM could not decode. The JVM turns the command line's bytes into Strings before
 * {@code main}, with the locale's encoding ({@code sun.jnu.encoding}); under a non-UTF-8 locale such as
 * {@code LC_ALL=C} every byte of {@code 그룹} becomes U+FFFD, so {@code --group 그룹} and {@code --group 모임}
 * would name the same garbled group. The bytes are gone by now: the only safe answer is to refuse.
 */
final class Locales {

    private static final char REPLACEMENT = '\uFFFD';

    private Locales() {
    }

    /** The one line to refuse {@code args} with, or {@code null} when every argument was decoded. */
    static String undecodableArgument(String[] args) {
        for (String arg : args) {
            if (arg.indexOf(REPLACEMENT) >= 0) {
                return "an argument has characters the locale's encoding ("
                        + System.getProperty("sun.jnu.encoding", "unknown") + ") cannot decode: "
                        + "use a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (see locale -a)";
            }
        }
        return null;
    }
}
