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
import org.openrma.bench.drools.DroolsPolicy;
import org.openrma.bench.engines.Verdict;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.policy.CompiledPolicy;

/**
 * The same policy decided three ways on the same claim mix: OpenRMA (the YAML policy compiled),
 * Drools (DRL rules; a pooled session per claim, and a new session per claim), and hand-written Java (the floor, as a
 * 4-field verdict and as OpenRMA's {@link Decision}). Each returns
 * its natural result; ThreeEnginesAgreeTests checks the results agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThreeEnginesBenchmark {

    @Param({"kst-servos", "kospet-2025"})
    public String policy;

    private Claim[] claims;
    private CompiledPolicy openRma;
    private DroolsPolicy drools;
    private Function<Claim, Verdict> byHand;
    private Function<Claim, Decision> byHandAsDecision;

    @Setup
    public void setUp() {
        Policies.Compared compared = Policies.Compared.of(policy);
        claims = ClaimMix.claims(compared.mix, EngineBenchmark.SEED, EngineBenchmark.MIX).toArray(Claim[]::new);
        openRma = compared.openRma();
        drools = compared.drools();
        byHand = compared.byHand;
        byHandAsDecision = compared.byHandAsDecision();
    }

    @Benchmark
    public Object openRma(Cursor cursor) {
        Claim c = claims[cursor.next(EngineBenchmark.MIX - 1)];
        return openRma.decide(c, c.request().submittedAt());
    }

    /** The full decision with its words read (summary and explanation): what the API's JSON costs, rendered on first read. */
    @Benchmark
    public Object openRmaWordsRead(Cursor cursor) {
        Claim c = claims[cursor.next(EngineBenchmark.MIX - 1)];
        Decision d = openRma.decide(c, c.request().submittedAt());
        return d.summary().length() + d.explanation().size();
    }

    /** The reference evaluator, every word written as it decides (what {@link #openRma} was before compiled policies). */
    @Benchmark
    public Object openRmaReference(Cursor cursor) {
        Claim c = claims[cursor.next(EngineBenchmark.MIX - 1)];
        return openRma.decideByReference(c, c.request().submittedAt(), org.openrma.decision.Detail.FULL);
    }

    /** The same decision without its explanation and summary (what a bulk replay uses; Drools and Java produce none either). */
    @Benchmark
    public Object openRmaOutcomeOnly(Cursor cursor) {
        Claim c = claims[cursor.next(EngineBenchmark.MIX - 1)];
        return openRma.decide(c, c.request().submittedAt(), org.openrma.decision.Detail.OUTCOME_ONLY);
    }

    @Benchmark
    public Object drools(Cursor cursor) {
        return drools.decide(claims[cursor.next(EngineBenchmark.MIX - 1)]);
    }

    @Benchmark
    public Object droolsNewSession(Cursor cursor) {
        return drools.decideInNewSession(claims[cursor.next(EngineBenchmark.MIX - 1)]);
    }

    @Benchmark
    public Object handWritten(Cursor cursor) {
        return byHand.apply(claims[cursor.next(EngineBenchmark.MIX - 1)]);
    }

    /** The same rules by hand answering with OpenRMA's outcome-only {@link Decision}: the floor of an engine that returns one. */
    @Benchmark
    public Object handWrittenAsDecision(Cursor cursor) {
        return byHandAsDecision.apply(claims[cursor.next(EngineBenchmark.MIX - 1)]);
    }
}
