package org.openrma.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, briefly, in this JVM, so they cannot rot. The numbers mean nothing:
 * no fork, no warm-up, 100 ms per benchmark. Real runs: bench/engine-bench.sh (see BENCHMARKS.md).
 */
class BenchmarkSmokeTests {

    @Test
    void everyBenchmarkRunsOnEveryPolicy() throws Exception {
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName())
                .include(ThreeEnginesBenchmark.class.getName())
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .threads(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        // 4 policies through the catalogue; 2 policies x (OpenRMA full, words read, reference, outcome only; Drools pooled,
        // Drools new session; Java, as a verdict and as a Decision). EngineBenchmark: 2 methods x 4 policies;
        // ThreeEnginesBenchmark: 8 methods x 2 policies
        assertThat(results).hasSize(2 * 4 + 8 * 2);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
