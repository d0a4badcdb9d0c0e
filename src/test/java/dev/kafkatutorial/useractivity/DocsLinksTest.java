package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in README.md and docs/**.md, {@code [text](path)} or {@code [text](path#anchor)}, names a
 * file or directory that exists inside the repository, and, when it names a heading of a Markdown file, a
 * heading that file has (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens). Links with a
 * scheme (https:, mailto:) are not checked; code blocks and code spans hold no links.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    /** A code span: a run of backticks, then anything but a blank line, then the same run. */
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\n\\s*\\n)[\\s\\S])*?\\1");
    /** {@code [text](destination)} and {@code ![alt](destination)}, with an optional title. */
    private static final Pattern LINK = Pattern.compile(
            "!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolves() throws IOException {
        List<Path> pages = pages(ROOT);
        assertThat(pages).contains(ROOT.resolve("README.md"))
                .anyMatch(page -> page.startsWith(ROOT.resolve("docs")));

        assertThat(brokenLinks(ROOT, pages)).isEmpty();
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("README.md"), """
                # Title

                ## Advanced exercises (심화 실습)

                [ok](docs/page.md), [ok too](docs/page.md#the-options-at-a-glance), [here](#title),
                [missing file](docs/nope.md), [missing heading](docs/page.md#nowhere), [web](https://example.com)
                `[in a code span](docs/nope-span.md)`

                ```
                [in a code block](docs/nope-block.md)
                ```
                """);
        Files.writeString(repository.resolve("docs/page.md"), """
                # The options at a glance

                [back](../README.md#advanced-exercises-심화-실습), [up and out](../../outside.md)
                """);

        List<String> broken = brokenLinks(repository, pages(repository));

        assertThat(broken).hasSize(3);
        assertThat(broken.get(0)).startsWith("README.md:6: [missing file](docs/nope.md)").contains("no such file");
        assertThat(broken.get(1)).startsWith("README.md:6: [missing heading](docs/page.md#nowhere)")
                .contains("no heading #nowhere");
        assertThat(broken.get(2)).startsWith("docs/page.md:3: [up and out](../../outside.md)")
                .contains("outside the repository");
    }

    @Test
    void headingsBecomeGitHubsAnchors() {
        assertThat(anchor("Advanced exercises (심화 실습)")).isEqualTo("advanced-exercises-심화-실습");
        assertThat(anchor("6. Ask why: `doctor` and the producer's `--explain`"))
                .isEqualTo("6-ask-why-doctor-and-the-producers---explain");
        assertThat(anchor("환경 시작하기: start the broker")).isEqualTo("환경-시작하기-start-the-broker");
        assertThat(anchor("The latency histogram's cost at `--interval 0` (issue 10)"))
                .isEqualTo("the-latency-histograms-cost-at---interval-0-issue-10");
        assertThat(anchor("See [the options](docs/options.md)")).isEqualTo("see-the-options");
    }

    /** README.md and every Markdown file under docs/. */
    static List<Path> pages(Path repository) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(repository.resolve("README.md"));
        Path docs = repository.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** One line per broken link: {@code file:line: [text](destination): why}. */
    static List<String> brokenLinks(Path repository, List<Path> pages) throws IOException {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = withoutCode(Files.readString(page));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String destination = link.group(2);
                if (destination.isEmpty() || SCHEME.matcher(destination).find()) {
                    continue;
                }
                String problem = problem(repository, page, destination, anchors);
                if (problem != null) {
                    int line = (int) text.substring(0, link.start()).chars().filter(c -> c == '\n').count() + 1;
                    broken.add(repository.relativize(page).toString().replace('\\', '/') + ":" + line + ": "
                            + link.group().replaceAll("\\s*\\n\\s*", " ") + ": " + problem);
                }
            }
        }
        return broken;
    }

    private static String problem(Path repository, Path page, String destination, Map<Path, Set<String>> anchors)
            throws IOException {
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(destination.substring(hash + 1));
        Path target = path.isEmpty() ? page : page.getParent().resolve(decode(path)).normalize();
        if (!target.startsWith(repository)) {
            return "outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file: " + repository.relativize(target).toString().replace('\\', '/');
        }
        if (fragment.isEmpty() || !target.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.get(target);
        if (known == null) {
            known = headingAnchors(Files.readString(target));
            anchors.put(target, known);
        }
        return known.contains(fragment) ? null
                : "no heading #" + fragment + " in " + repository.relativize(target).toString().replace('\\', '/');
    }

    /** The anchors GitHub gives a Markdown file's headings; a repeated one gets -1, -2, ... */
    static Set<String> headingAnchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String anchor = anchor(heading.group(1));
                int count = seen.merge(anchor, 1, Integer::sum) - 1;
                anchors.add(count == 0 ? anchor : anchor + "-" + count);
            }
        }
        return anchors;
    }

    /** GitHub's anchor for a heading: its text in lower case, without punctuation, each space a hyphen. */
    static String anchor(String heading) {
        String text = INLINE_LINK.matcher(heading).replaceAll("$1").toLowerCase(Locale.ROOT);
        StringBuilder anchor = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == ' ') {
                anchor.append('-');
            } else if (c == '-' || Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.CONNECTOR_PUNCTUATION) {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }

    /** The text with fenced code blocks and code spans blanked out, its line breaks kept. */
    private static String withoutCode(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                text.append('\n');
            } else {
                text.append(fenced ? "" : line).append('\n');
            }
        }
        Matcher span = CODE_SPAN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (span.find()) {
            span.appendReplacement(out, Matcher.quoteReplacement(span.group().replaceAll("[^\\n]", " ")));
        }
        span.appendTail(out);
        return out.toString();
    }

    private static String decode(String part) {
        return part.indexOf('%') < 0 ? part : URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
