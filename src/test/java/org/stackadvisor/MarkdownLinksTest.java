package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md points to a file that exists and, when it names
 * an anchor, to a heading of that file, with the anchors GitHub's web view makes; and the README
 * links every manual in docs/.
 */
class MarkdownLinksTest {
    /** {@code [text](target)}, not images' alt text nor code spans' brackets. */
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]\\n]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

    @Test
    void whenEveryRelativeLinkIsFollowed_thenItsFileAndAnchorExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("//")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void whenTheReadmeIsRead_thenItLinksEveryManual() throws IOException {
        Set<String> linked = links(Path.of("README.md")).stream().map(target -> target.replaceAll("#.*", ""))
                .collect(Collectors.toSet());
        try (Stream<Path> manuals = Files.list(Path.of("docs"))) {
            List<String> all = manuals.map(path -> "docs/" + path.getFileName()).filter(name -> name.endsWith(".md"))
                    .sorted().collect(Collectors.toList());
            assertThat(all).isNotEmpty();
            assertThat(linked).containsAll(all);
        }
    }

    @Test
    void whenABrokenLinkIsPlanted_thenTheCheckFindsIt() throws IOException {
        Path folder = Files.createTempDirectory("links");
        Files.writeString(folder.resolve("a.md"), "# A page\n\nSee [b](b.md#a-heading), [gone](gone.md), [self](#a-page)"
                + " and `[not](a-link.md)`.\n\n```\n[not](either.md)\n```\n");
        Files.writeString(folder.resolve("b.md"), "# B\n\n## A heading: with punctuation, too\n");
        assertThat(links(folder.resolve("a.md"))).containsExactly("b.md#a-heading", "gone.md", "#a-page");
        assertThat(anchors(folder.resolve("b.md"))).containsExactly("b", "a-heading-with-punctuation-too");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The link targets of a page, outside code blocks and code spans. */
    private static List<String> links(Path page) throws IOException {
        String text = CODE_SPAN.matcher(FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll(""))
                .replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchors(Path page) throws IOException {
        String text = FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = slug + "-" + n;
                }
            }
        }
        return anchors;
    }
}
