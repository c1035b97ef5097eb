package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.claim.Reason;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;
import org.openrma.service.rma.RmaStatus;
import org.openrma.service.ui.portal.ConsumerStatement;
import org.openrma.service.ui.portal.Draft;

/**
 * The message bundles are complete and well formed: English, German and French have the same keys, every message is a
 * valid MessageFormat pattern whose apostrophes are doubled, every key a template names exists, and every word of the
 * claim and RMA vocabularies a page can show has its translation.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.\\-]+)'(?!\\s*\\+)");
    private static final Pattern KEY_PREFIX = Pattern.compile("(?:msgOrNull\\(|msg\\(|#\\{\\$\\{)'([A-Za-z0-9_.\\-]+\\.)' \\+");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void everyLanguageHasExactlyTheEnglishKeys(String language) throws IOException {
        Set<String> english = keys(bundle("messages.properties"));
        Set<String> other = keys(bundle("messages_" + language + ".properties"));
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertThat(missing).as("keys of messages.properties missing from messages_%s", language).isEmpty();
        assertThat(extra).as("keys of messages_%s that English lacks", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr"})
    void everyMessageIsAMessageFormatPatternWithItsApostrophesDoubled(String suffix) throws IOException {
        Properties p = bundle("messages" + suffix + ".properties");
        List<String> bad = new ArrayList<>();
        for (String key : keys(p)) {
            String value = p.getProperty(key);
            if (value.replace("''", "").contains("'")) {
                bad.add(key + " (a single apostrophe would swallow the text after it: write '')");
                continue;
            }
            try {
                new MessageFormat(value, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                bad.add(key + " (" + e.getMessage() + ")");
            }
            if (value.isBlank()) {
                bad.add(key + " (empty)");
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> english = keys(bundle("messages.properties"));
        List<String> missing = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                for (Pattern p : List.of(LITERAL_KEY, MSG_CALL)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        if (!english.contains(m.group(1))) {
                            missing.add(RESOURCES.resolve("templates").relativize(f) + ": " + m.group(1));
                        }
                    }
                }
                Matcher m = KEY_PREFIX.matcher(html);
                while (m.find()) {
                    prefixes.add(m.group(1));
                    if (english.stream().noneMatch(k -> k.startsWith(m.group(1)))) {
                        missing.add(RESOURCES.resolve("templates").relativize(f) + ": " + m.group(1) + "*");
                    }
                }
            }
        }
        assertThat(prefixes).as("the templates name keys by prefix too (statuses, reasons, ...)").contains("common.status.", "portal.reason.");
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPageSaysWhichLanguageItIsIn() throws IOException {
        List<String> without = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                if (html.contains("<html") && !html.contains("th:lang=\"${#locale.language}\"")) {
                    without.add(RESOURCES.resolve("templates").relativize(f).toString());
                }
            }
        }
        assertThat(without).as("templates whose <html> lacks th:lang").isEmpty();
    }

    @Test
    void everyWordOfTheVocabulariesAPageShowsIsTranslated() throws IOException {
        Set<String> english = keys(bundle("messages.properties"));
        List<String> expected = new ArrayList<>();
        Arrays.stream(RmaStatus.values()).forEach(s -> expected.add("common.status." + s.wire()));
        wires(ClaimKind.class).forEach(w -> expected.add("common.kind." + w));
        wires(Reason.class).forEach(w -> expected.add("common.reason." + w));
        wires(Resolution.class).forEach(w -> expected.add("common.resolution." + w));
        wires(Evidence.class).forEach(w -> expected.add("common.evidence." + w));
        wires(DeductionKind.class).forEach(w -> expected.add("common.deduction." + w));
        wires(StepResult.class).forEach(w -> expected.add("common.result." + w));
        Draft.KINDS.keySet().forEach(k -> expected.add("portal.kind." + k));
        Draft.REASONS.keySet().forEach(k -> expected.add("portal.reason." + k));
        Draft.CONDITIONS.keySet().forEach(k -> expected.add("portal.condition." + k));
        ConsumerStatement.REMEDIES.keySet().forEach(k -> expected.add("portal.remedy." + k));
        assertThat(english).containsAll(expected);
    }

    private static <E extends Enum<E> & Vocabulary> List<String> wires(Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(Vocabulary::wire).toList();
    }
}
