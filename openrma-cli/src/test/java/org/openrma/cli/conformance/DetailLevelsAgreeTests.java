package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.policy.PolicyCatalog;
import org.openrma.cli.SeedConformance;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Bulk replays decide without explanations; they must reach exactly the decisions a full explanation would. */
class DetailLevelsAgreeTests {

    @Test
    void decisionsWithoutExplanationMatchFullDecisionsOnEveryScenario() throws IOException {
        PolicyCatalog catalog = PolicyCatalog.load(Path.of("").toAbsolutePath().getParent().resolve("policies"));
        List<Path> files;
        try (Stream<Path> s = Files.list(SeedConformance.scenarios())) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (Path file : files) {
            JsonNode scenario = yaml.readTree(file.toFile());
            Claim claim = ClaimReader.fromTree(scenario.get("claim"));
            String policy = scenario.get("policy").asString();

            Decision full = catalog.decide(policy, claim, claim.request().submittedAt(), Detail.FULL);
            Decision lean = catalog.decide(policy, claim, claim.request().submittedAt(), Detail.OUTCOME_ONLY);

            assertThat(lean.explanation()).as(file.toString()).isEmpty();
            assertThat(full.explanation()).as(file.toString()).isNotEmpty();
            // The decisive clauses are read off the explanation, so only a full decision names them.
            assertThat(lean.decisiveCitations()).as(file.toString()).isEmpty();
            assertThat(lean).as(file.toString()).usingRecursiveComparison()
                    .ignoringFields("explanation", "summary", "programs", "lines", "decisiveCitations")
                    .isEqualTo(full);
            assertThat(lean.lines()).extracting("sku", "outcome", "price").as(file.toString())
                    .isEqualTo(full.lines().stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.sku(), l.outcome(), l.price())).toList());
            assertThat(lean.programs()).extracting("program", "outcome").as(file.toString())
                    .isEqualTo(full.programs().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.program(), p.outcome())).toList());
        }
    }
}
