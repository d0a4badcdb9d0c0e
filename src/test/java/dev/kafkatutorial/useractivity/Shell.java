package dev.kafkatutorial.useractivity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Runs a command line as a reader would type it, in the project's directory, with bash. */
final class Shell {

    record Result(String command, int code, String out, String err) {
        @Override
        public String toString() {
            return "$ " + command + "\n(exit " + code + ")\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path directory;
    private final Map<String, String> environment;

    /** {@code environment}: variables to set; a {@code null} value removes the variable. */
    Shell(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    Result run(String command, Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(directory.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name); // as if the reader had never set it
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close(); // no stdin unless the command line pipes one in
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("still running after " + limit + ": " + command);
        }
        try {
            // A child left running in the background can hold the pipes open after the shell exits.
            return new Result(command, process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the output of " + command + " did not end within 30 s after it exited", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
