package dev.kafkatutorial.useractivity.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page itself: the files under {@code src/main/resources/web/}, read from the jar once at start and served
 * as they are. Only these names exist, so no path can reach another file. The page fetches nothing from
 * anywhere else, and its Content-Security-Policy tells the browser to refuse anything that would.
 */
final class StaticFiles implements HttpHandler {

    /** Request path, file under web/, content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
            "/text.js", new String[] {"text.js", "text/javascript; charset=utf-8"},
            "/style.css", new String[] {"style.css", "text/css; charset=utf-8"});

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Map<String, byte[]> contents = new HashMap<>();

    StaticFiles() {
        for (String[] file : FILES.values()) {
            contents.computeIfAbsent(file[0], StaticFiles::read);
        }
    }

    /** A file of the page as the jar holds it. */
    static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Http.allowOnlyGet(exchange)) {
                return;
            }
            String[] file = FILES.get(exchange.getRequestURI().getRawPath());
            if (file == null) {
                Http.send(exchange, 404, "text/plain; charset=utf-8", "404 not found\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (file[0].endsWith(".html")) {
                exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            Http.send(exchange, 200, file[1], contents.get(file[0]));
        }
    }
}
