package org.openrma.policy.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCompiler;

/** Hostile policy files end in a diagnostic at file:line:col, never in a StackOverflowError or an exhausted heap. */
class YamlSourceLimitsTests {

    @Test
    void aFlowListNested5000DeepIsOneErrorAtTheLevelThatIsTooDeep() {
        String text = "policy: x\nprograms: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        PolicyCompiler.Result result = PolicyCompiler.compile("deep.yaml", text);

        assertThat(result.ok()).isFalse();
        Diagnostic d = result.errors().getFirst();
        assertThat(d.file()).isEqualTo("deep.yaml");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo("programs: ".length() + YamlSource.MAX_DEPTH);
        assertThat(d.message()).contains("nested deeper than " + YamlSource.MAX_DEPTH);
    }

    @Test
    void blockMappingsNestedTooDeeplyAreRefusedToo() {
        StringBuilder text = new StringBuilder("policy: x\n");
        for (int i = 0; i < 200; i++) {
            text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        text.append(" ".repeat(200)).append("end\n");

        YamlSource.Parsed parsed = YamlSource.parse("block.yaml", text.toString());

        assertThat(parsed.root()).isEmpty();
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("nested deeper"));
    }

    @Test
    void nestingUpToTheLimitIsStillRead() {
        String text = "a: " + "[".repeat(YamlSource.MAX_DEPTH - 1) + "]".repeat(YamlSource.MAX_DEPTH - 1) + "\n";

        assertThat(YamlSource.parse("ok.yaml", text).root()).isPresent();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        String text = "policy: x\ndescription: \"" + "a".repeat(YamlSource.MAX_CHARACTERS) + "\"\n";

        YamlSource.Parsed parsed = YamlSource.parse("big.yaml", text);

        assertThat(parsed.root()).isEmpty();
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("at most " + YamlSource.MAX_CHARACTERS);
        });
    }

    @Test
    void tooManyValuesAreRefused() {
        String text = "a: [" + "1,".repeat(YamlSource.MAX_NODES + 10) + "1]\n";

        YamlSource.Parsed parsed = YamlSource.parse("many.yaml", text);

        assertThat(parsed.root()).isEmpty();
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("more than " + YamlSource.MAX_NODES));
    }

    @Test
    void aliasesThatMultiplyATreeAreStoppedAsTheyAreExpanded() {
        // Each level repeats the one before it 7 times: 7^7 = 823,543 values from a 300-character file.
        StringBuilder text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 7; i++) {
            text.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (i - 1)))).append("]\n");
        }

        YamlSource.Parsed parsed = YamlSource.parse("laughs.yaml", text.toString());

        assertThat(parsed.root()).isEmpty();
        assertThat(parsed.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.isError()).isTrue());
    }
}
