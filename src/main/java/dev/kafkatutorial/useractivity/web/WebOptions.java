package dev.kafkatutorial.useractivity.web;

import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Version;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code web} options. Parsing only: {@link Web} reads these and serves the page. */
@Command(name = "user-activity-web", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves a live, read-only page of the cluster's topics, partitions, groups and rebalances, "
                + "and its JSON API (/api/topics, /api/groups), from this jar. Ctrl+C stops it. --topic is the "
                + "topic the page opens on.")
public final class WebOptions {

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", converter = Port.class,
            description = "TCP port to serve on, 1-65535 (0: any free port, printed at start). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", converter = BindAddress.class,
            description = "Address to serve on. Default: ${DEFAULT-VALUE}, this machine only; another address "
                    + "shows the page (topic and group names) to whoever reaches it, and prints a warning")
    InetAddress bind;

    public ClientOptions client() {
        return client;
    }

    public int port() {
        return port;
    }

    public InetAddress bind() {
        return bind;
    }

    /** A TCP port: a whole number from 0 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim();
            if (!v.matches("\\d{1,9}")) {
                throw new TypeConversionException("'" + value + "' is not a port: use a whole number from 1 to 65535"
                        + " (0: any free port)");
            }
            int port = Integer.parseInt(v);
            if (port > 65535) {
                throw new TypeConversionException("'" + value + "' is not a port: ports go up to 65535");
            }
            return port;
        }
    }

    /** An IP address or a host name this machine can resolve, without asking a name server for an IP literal. */
    static final class BindAddress implements ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String value) {
            String v = value.trim();
            if (v.isEmpty()) {
                throw new TypeConversionException("an empty address: use an IP address such as 127.0.0.1");
            }
            try {
                return InetAddress.getByName(v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v);
            } catch (UnknownHostException e) {
                throw new TypeConversionException("'" + value + "' is no address of this machine's: use an IP "
                        + "address such as 127.0.0.1");
            }
        }
    }
}
