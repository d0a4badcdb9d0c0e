package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's files as the jar serves them: byte for byte the files in {@code src/main/resources/web/} (Maven
 * filters resources, and would replace a {@code $}{...} placeholder in them), and nothing fetched from elsewhere.
 */
class StaticFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "app.js", "text.js", "style.css"})
    void theJarServesTheFileAsWritten(String name) throws Exception {
        byte[] source = Files.readAllBytes(Path.of("src/main/resources/web", name));

        assertThat(StaticFiles.read(name)).isEqualTo(source);
        String text = new String(source, StandardCharsets.UTF_8);
        assertThat(text).as("no other server's address").doesNotContain("http:", "https:", "//cdn", "src=\"//");
    }

    @Test
    void thePageNamesOnlyItsOwnFiles() throws Exception {
        String html = new String(StaticFiles.read("index.html"), StandardCharsets.UTF_8);

        assertThat(html).contains("<script src=\"text.js\" defer></script>", "<script src=\"app.js\" defer></script>",
                "<link rel=\"stylesheet\" href=\"style.css\">");
        assertThat(html).as("no inline script: the Content-Security-Policy would refuse it").doesNotContain("<script>");
        assertThat(StaticFiles.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'; script-src 'self'");
    }
}
