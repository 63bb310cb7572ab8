package io.microplatform.localstack.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README and docs/ are the front door: a link that points nowhere is a bug, so every relative link must resolve. */
class DocumentationLinksTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkInReadmeAndDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = MARKDOWN_LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(REPOSITORY.relativize(document) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        Path docs = REPOSITORY.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).forEach(documents::add);
            }
        }
        documents.forEach(document -> {
            if (!Files.isRegularFile(document)) {
                throw new UncheckedIOException(new IOException("missing " + document));
            }
        });
        return documents;
    }
}
