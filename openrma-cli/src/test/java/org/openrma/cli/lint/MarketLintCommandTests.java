package org.openrma.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.cli.Cli;
import org.openrma.cli.SeedConformance;

/** The seed policies lint clean on their own, and with --market (or declared markets) the law of those markets speaks up, clause by clause. */
class MarketLintCommandTests {

    @TempDir
    Path dir;

    private static String seed(String file) {
        return SeedConformance.repositoryRoot().resolve("policies").resolve(file).toString();
    }

    private static String statutes() {
        return SeedConformance.repositoryRoot().resolve("statutes").toString();
    }

    @Test
    void withMarketsTheKstPolicyIsWarnedWhereTheStatuteOverridesItsClauses() {
        Cli.Run plain = Cli.run(dir, "lint", seed("kst-servos.yaml"));
        Cli.Run markets = Cli.run(dir, "lint", "--market", "DE,FR,GB", "--statutes", statutes(), seed("kst-servos.yaml"));

        assertThat(plain.out().lines().toList().getLast()).isEqualTo("0 errors, 0 warnings");
        assertThat(markets.exitCode()).as(markets.err()).isZero();
        List<String> warnings = markets.out().lines().filter(l -> l.contains(": warning: market: ")).toList();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("S0-01").contains("7-day").contains("§ 312g BGB")
                .contains("Code de la consommation L221-18").contains("CCR 2013 reg. 29"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("S0-11").contains("restocking fee"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("S0-07").contains("once the order has shipped"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("no statutory_info"));
    }

    @Test
    void aPolicyThatDeclaresItsMarketsHearsTheSameWithoutTheFlag() throws IOException {
        String text = Files.readString(Path.of(seed("kst-servos.yaml"))).replace("rounding: half_up", "rounding: half_up\nmarkets: [IT]");
        Files.writeString(dir.resolve("kst-it.yaml"), text);

        Cli.Run run = Cli.run(dir, "lint", "kst-it.yaml");

        assertThat(run.out()).contains("warning: market: ").contains("Codice del consumo art. 52").doesNotContain("§ 312g BGB");
    }
}
