package org.openrma.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.policy.PolicyCatalog;

/**
 * OpenRMA decisions on each seed policy's claim mix, through the catalogue (version in force, then
 * decide), as the service calls it. One operation is one decision; each thread walks the mix of
 * {@link #MIX} claims in turn. Run with {@code -t 1} and {@code -t max} for one and all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmark {

    public static final int MIX = 2048;
    public static final long SEED = 20_251_122L;

    @Param({"kst-servos", "kospet", "kst-rma", "kingdo"})
    public String policy;

    private PolicyCatalog catalog;
    private Claim[] claims;

    @Setup
    public void setUp() {
        catalog = Policies.catalog();
        List<Claim> mix = ClaimMix.claims(ClaimMix.Profile.forPolicy(policy), SEED, MIX);
        claims = mix.toArray(Claim[]::new);
    }

    @Benchmark
    public Object decide(Cursor cursor) {
        Claim c = claims[cursor.next(MIX - 1)];
        return catalog.decide(policy, c, c.request().submittedAt());
    }

    /** The same decisions without explanation and summary, as bulk replays make them. */
    @Benchmark
    public Object decideOutcomeOnly(Cursor cursor) {
        Claim c = claims[cursor.next(MIX - 1)];
        return catalog.decide(policy, c, c.request().submittedAt(), org.openrma.decision.Detail.OUTCOME_ONLY);
    }
}
