package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.openrma.policy.lint.SchemaCheck;
import org.openrma.policy.source.YamlSource;

/** The sample policies shipped in /policies: all listed, all loading cleanly, all valid against the schema. */
class SeedPoliciesTests {

    private static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");

    private static List<String> indexed() throws IOException {
        return Files.readAllLines(POLICIES.resolve("index.txt")).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(POLICIES)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(p -> POLICIES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void listsEveryPolicyFileInTheIndex() throws IOException {
        assertThat(indexed()).containsAll(files());
    }

    @Test
    void listsOnlyFilesThatExist() throws IOException {
        assertThat(indexed()).allSatisfy(name -> assertThat(POLICIES.resolve(name)).isRegularFile());
    }

    @Test
    void loadsAllFiveSeedPolicyVersions() {
        PolicyCatalog catalog = PolicyCatalog.builtIn();

        assertThat(catalog.policyIds()).containsExactlyInAnyOrder("kst-servos", "kst-rma", "kospet", "kingdo");
        assertThat(catalog.policyIds().stream().mapToInt(id -> catalog.versions(id).size()).sum()).isEqualTo(5);
        assertThat(catalog.versions("kospet")).extracting(CompiledPolicy::effectiveFrom).extracting(Object::toString)
                .containsExactly("2023-01-01", "2025-01-01");
    }

    @ParameterizedTest
    @MethodSource("files")
    void compilesWithoutErrorsOrWarnings(String file) throws IOException {
        PolicyCompiler.Result result = PolicyCompiler.compile(file, Files.readString(POLICIES.resolve(file)));

        assertThat(result.diagnostics()).as(file).allSatisfy(d -> assertThat(d.severity()).as(d.toString()).isEqualTo(Diagnostic.Severity.INFO));
        assertThat(result.ok()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("files")
    void validatesAgainstThePublishedSchema(String file) throws IOException {
        YamlSource.Parsed parsed = YamlSource.parse(file, Files.readString(POLICIES.resolve(file)));

        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(SchemaCheck.check(file, parsed.root().orElseThrow())).isEmpty();
    }
}
