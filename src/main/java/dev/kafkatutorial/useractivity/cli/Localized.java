package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Language;
import java.util.function.Function;
import picocli.CommandLine.TypeConversionException;

/**
 * Why a command line is refused, in Korean and English: {@link Cli} prints it as the program's one line in the
 * language {@code --lang} asks for. A converter's value is refused while picocli is still parsing, before it has
 * read {@code --lang}, so the reason carries both languages and Cli picks one. Its {@code getMessage()} is the
 * English one.
 */
public interface Localized {

    /** The reason in {@code language}, without the option's name (Cli adds it) and without a final full stop. */
    String reason(Language language);

    /** A combination of options refused by a {@link Cli.Validated#validate()}. */
    final class Refusal extends IllegalArgumentException implements Localized {
        private final transient Function<Language, String> reason;

        public Refusal(Function<Language, String> reason) {
            super(reason.apply(Language.en));
            this.reason = reason;
        }

        @Override
        public String reason(Language language) {
            return reason.apply(language);
        }
    }

    /** A value a converter refuses; picocli names the option it was given to. */
    final class BadValue extends TypeConversionException implements Localized {
        private final transient Function<Language, String> reason;

        public BadValue(Function<Language, String> reason) {
            super(reason.apply(Language.en));
            this.reason = reason;
        }

        @Override
        public String reason(Language language) {
            return reason.apply(language);
        }
    }
}
