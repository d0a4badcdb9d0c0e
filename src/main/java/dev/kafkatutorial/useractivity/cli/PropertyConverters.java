package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.EventIdHeader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Client properties and headers: --command-config files, KEY=VALUE properties, --header. Each converter rejects a bad value at parse time with a message that says what is wrong, so the program
 * exits 2 naming the option before it touches Kafka. None echoes a property's value: it could be a password.
 */
public final class PropertyConverters {

    private PropertyConverters() {
    }

    /** {@code KEY=VALUE}, as {@code kafka-console-producer --producer-property} takes it. */
    public static final class KeyValue implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String value) {
            Map.Entry<String, String> entry = split(value, "--property linger.ms=5");
            return Map.entry(entry.getKey(), entry.getValue().trim());
        }
    }

    /** A record header, KEY=VALUE (the value as given, spaces and all); event-id is the program's own. */
    public static final class Header implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String value) {
            Map.Entry<String, String> entry = split(value, "--header source=demo");
            if (entry.getKey().equals(EventIdHeader.NAME)) {
                throw new TypeConversionException("event-id is the producer's own header");
            }
            return entry;
        }
    }

    /** KEY=VALUE into its trimmed key and its value as given; {@code example} shows the form in the error. */
    private static Map.Entry<String, String> split(String value, String example) {
        int eq = value.indexOf('=');
        if (eq <= 0 || value.substring(0, eq).isBlank()) {
            throw new TypeConversionException("expected KEY=VALUE, e.g. " + example);
        }
        return Map.entry(value.substring(0, eq).trim(), value.substring(eq + 1));
    }

    /** A readable Java properties file, loaded as UTF-8 (Kafka's tools read them the same way). */
    public static final class PropertiesFile implements ITypeConverter<ConfigFile> {
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

    /** A loaded {@code --command-config} (a record, so picocli does not take it for a KEY=VALUE map option). */
    public record ConfigFile(Path path, Properties properties) {
    }
}
