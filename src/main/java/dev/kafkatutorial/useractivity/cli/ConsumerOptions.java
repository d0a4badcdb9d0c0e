package dev.kafkatutorial.useractivity.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code user-activity-consumer} options. Parsing only: the program reads these and wires itself up. */
@Command(name = "user-activity-consumer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Reads user-activity events and prints one line per event, as the tutorial's "
                + "consumer_example.py does.")
public final class ConsumerOptions {

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "user_activity_group",
            description = "Consumer group. Default: ${DEFAULT-VALUE}")
    String group;

    @Option(names = "--max-messages", paramLabel = "N", converter = Converters.PositiveLong.class,
            description = "Exit after printing N events. Default: run until Ctrl+C")
    Long maxMessages;

    @Option(names = "--timeout-ms", paramLabel = "MS", converter = Converters.PositiveLong.class,
            description = "Exit when no event arrives for MS milliseconds, as kafka-console-consumer does")
    Long timeoutMs;

    public ClientOptions client() {
        return client;
    }

    public String group() {
        return group;
    }

    /** Events to print, or {@code Long.MAX_VALUE} for no limit. */
    public long maxMessages() {
        return maxMessages == null ? Long.MAX_VALUE : maxMessages;
    }

    /** How long to wait for the next event before exiting, or {@code null} to wait for ever. */
    public Duration timeout() {
        return timeoutMs == null ? null : Duration.ofMillis(timeoutMs);
    }
}
