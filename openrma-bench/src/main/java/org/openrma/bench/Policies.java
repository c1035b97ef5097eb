package org.openrma.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.openrma.bench.drools.DroolsPolicy;
import org.openrma.bench.engines.Verdict;
import org.openrma.bench.handwritten.Kospet2025AsDecision;
import org.openrma.bench.handwritten.Kospet2025ByHand;
import org.openrma.bench.handwritten.KstServosAsDecision;
import org.openrma.bench.handwritten.KstServosByHand;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;

/** The seed policies, compiled once per JVM, and the three versions of the two compared ones. */
public final class Policies {

    private Policies() {}

    private static volatile PolicyCatalog catalog;

    /** The built-in catalogue (kst-servos, kst-rma, kospet 2023 + 2025, kingdo). */
    public static PolicyCatalog catalog() {
        PolicyCatalog c = catalog;
        if (c == null) {
            synchronized (Policies.class) {
                if (catalog == null) {
                    catalog = PolicyCatalog.builtIn();
                }
                c = catalog;
            }
        }
        return c;
    }

    /** One of the two policies written three ways: {@code kst-servos} or {@code kospet-2025}. */
    public enum Compared {
        KST_SERVOS("kst-servos", "kst-servos.yaml", ClaimMix.Profile.KST_SERVOS, KstServosByHand::decide,
                openRma -> new KstServosAsDecision(openRma)::decide),
        KOSPET_2025("kospet-2025", "kospet/2025-01-01.yaml", ClaimMix.Profile.KOSPET_2025, Kospet2025ByHand::decide,
                openRma -> new Kospet2025AsDecision(openRma)::decide);

        public final String id;
        public final String file;
        public final ClaimMix.Profile mix;
        public final Function<Claim, Verdict> byHand;
        private final Function<CompiledPolicy, Function<Claim, Decision>> asDecision;
        private volatile CompiledPolicy compiled;

        Compared(String id, String file, ClaimMix.Profile mix, Function<Claim, Verdict> byHand,
                Function<CompiledPolicy, Function<Claim, Decision>> asDecision) {
            this.id = id;
            this.file = file;
            this.mix = mix;
            this.byHand = byHand;
            this.asDecision = asDecision;
        }

        /**
         * The rules by hand answering with the {@link Decision} OpenRMA's outcome-only decision returns (its views made when
         * read asked of {@link #openRma}): the floor of an engine that returns a {@code Decision} (BENCHMARKS.md, E1).
         */
        public Function<Claim, Decision> byHandAsDecision() {
            return asDecision.apply(openRma());
        }

        public static Compared of(String id) {
            for (Compared c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(id);
        }

        /** The policy file compiled by OpenRMA (the exact version, not the catalogue's pick). */
        public CompiledPolicy openRma() {
            if (compiled == null) {
                var result = PolicyCompiler.compile(file, resource("/openrma/policies/" + file));
                compiled = result.policy().orElseThrow(() -> new IllegalStateException(file + ": " + result.errors()));
            }
            return compiled;
        }

        public DroolsPolicy drools() {
            return DroolsPolicy.named(id);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Policies.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
