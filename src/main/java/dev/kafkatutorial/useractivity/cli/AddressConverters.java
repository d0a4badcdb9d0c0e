package dev.kafkatutorial.useractivity.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Broker addresses: --bootstrap-server, and the same check for an address from a property or the environment. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class AddressConverters {

    private AddressConverters() {
    }

    /** {@code --bootstrap-server}: HOST:PORT, or several separated by commas. */
    public static final class BootstrapServers implements ITypeConverter<String> {
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
    public static String bootstrapProblem(String value) {
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
}
