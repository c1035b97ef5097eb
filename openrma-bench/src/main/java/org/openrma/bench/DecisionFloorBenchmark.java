package org.openrma.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openrma.bench.handwritten.Kospet2025AsDecision;
import org.openrma.bench.handwritten.KstServosAsDecision;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;

/**
 * The two compared policies written by hand and answering with OpenRMA's outcome-only {@link Decision}, on
 * {@link ThreeEnginesBenchmark}'s claim mix: the floor for an engine that returns a {@code Decision}, to set beside that
 * benchmark's {@code handWritten} (a 4-field verdict) and {@code openRmaOutcomeOnly}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecisionFloorBenchmark {

    @Param({"kst-servos", "kospet-2025"})
    public String policy;

    private Claim[] claims;
    private Function<Claim, Decision> byHand;

    @Setup
    public void setUp() {
        Policies.Compared compared = Policies.Compared.of(policy);
        claims = ClaimMix.claims(compared.mix, EngineBenchmark.SEED, EngineBenchmark.MIX).toArray(Claim[]::new);
        byHand = switch (compared) {
            case KST_SERVOS -> new KstServosAsDecision(compared.openRma())::decide;
            case KOSPET_2025 -> new Kospet2025AsDecision(compared.openRma())::decide;
        };
    }

    @Benchmark
    public Object handWrittenAsDecision(Cursor cursor) {
        return byHand.apply(claims[cursor.next(EngineBenchmark.MIX - 1)]);
    }
}
