package org.openrma;

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

/**
 * Merchants live in policy files, never in code: no main source file of any product module names
 * one. {@code openrma-bench} is left out on purpose: it holds the same seed policies hand-written
 * in Java and in Drools, as the yardsticks the engine is measured against.
 */
class NoMerchantInCodeTests {

    private static final Pattern MERCHANT = Pattern.compile("kospet|kingdo|kstservos|worry_free|\\bkst\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noMainSourceFileNamesAMerchant() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/.*"))
                    .filter(p -> !root.relativize(p).startsWith("openrma-bench"))
                    .toList();
        }
        List<String> offending = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = read(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MERCHANT.matcher(lines.get(i));
                if (m.find()) {
                    offending.add(root.relativize(source) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }

        assertThat(sources).as("main sources found under " + root).isNotEmpty();
        assertThat(offending).isEmpty();
    }

    @Test
    void recognisesEachMerchantNameButNotWordsContainingKst() {
        assertThat(Stream.of("KOSPET watch", "Kingdo", "kstservos.com", "worry_free_plus", "KST servo", "(kst)"))
                .allMatch(s -> MERCHANT.matcher(s).find());
        assertThat(Stream.of("kstx", "mkst", "task list")).noneMatch(s -> MERCHANT.matcher(s).find());
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
