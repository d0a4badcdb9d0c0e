package dev.kafkatutorial.useractivity.doctor;

import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code user-activity-doctor} options. Parsing only: the doctor reads these and runs its checks. */
@Command(name = "user-activity-doctor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Checks the broker, the topic and (with --group) a consumer group the programs are about to "
                + "use: one line per check, ok / warning / problem and what to do. Exit 0 with no problem, else 1.")
public final class DoctorOptions {

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Also check this consumer group: its state, members against partitions, committed lag, "
                    + "and events deleted before the group read them")
    String group;

    /** What stdout carries: one line per check, or one JSON document for scripts. */
    public enum Output { text, json }

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: one line per check; json: one JSON document (checks, verdicts, exit code) for "
                    + "scripts. Default: ${DEFAULT-VALUE}")
    Output output;

    public ClientOptions client() {
        return client;
    }

    public String group() {
        return group;
    }

    public Output output() {
        return output;
    }
}
