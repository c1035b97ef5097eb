import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.openrma.bench.EngineBenchmark;
import org.openrma.bench.Policies;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Detail;

/**
 * Every allocation of a batch of decisions, by class and engine line: run with {@code -XX:-UseTLAB}, every object is
 * allocated outside a TLAB, so JFR's {@code jdk.ObjectAllocationOutsideTLAB} event sees each one (JFR's sampled allocation
 * events weigh a few objects for many and point at the wrong sites). The bytes are exact and the same on every run of
 * the same build, however busy the machine: what the timings on a shared VM cannot be.
 *
 * <p>Usage (README.md): java -XX:-UseTLAB -Xmx1g -cp BENCH.jar bench/allocation-census/AllocationCensus.java POLICY [OUTCOME_ONLY|FULL] [OUT.jfr]
 * (POLICY: kst-servos, kospet, kst-rma or kingdo, through the catalogue as {@code EngineBenchmark})
 */
public class AllocationCensus {
    public static void main(String[] args) throws Exception {
        String policy = args.length > 0 ? args[0] : "kst-servos";
        Detail detail = args.length > 1 ? Detail.valueOf(args[1]) : Detail.OUTCOME_ONLY;
        // any policy of the catalogue, decided as EngineBenchmark decides it (the version in force for each claim)
        var catalog = Policies.catalog();
        Claim[] claims = ClaimMix.claims(ClaimMix.Profile.forPolicy(policy), EngineBenchmark.SEED, EngineBenchmark.MIX).toArray(Claim[]::new);
        Object sink = null;
        // warmed up first, so the census counts what the compiled code allocates (escape analysis included)
        for (int round = 0; round < 400; round++) {
            for (Claim c : claims) {
                sink = catalog.decide(policy, c, c.request().submittedAt(), detail);
            }
        }
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("allocation-census", ".jfr");
        try (Recording rec = new Recording()) {
            rec.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            rec.start();
            for (Claim c : claims) {
                sink = catalog.decide(policy, c, c.request().submittedAt(), detail);
            }
            rec.stop();
            rec.dump(out);
        }
        Map<String, long[]> by = new HashMap<>();
        long total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(out)) {
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.stream().noneMatch(f -> f.getMethod().getType().getName().equals("AllocationCensus"))) {
                continue;                                              // JFR's own and other threads' allocations
            }
            long size = e.getLong("allocationSize");
            total += size;
            String site = frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.openrma"))
                .findFirst().map(f -> f.getMethod().getType().getName().replace("org.openrma.", "") + "." + f.getMethod().getName() + ":" + f.getLineNumber()).orElse("?");
            String key = e.getClass("objectClass").getName() + "  @ " + site;
            long[] bytesAndCount = by.computeIfAbsent(key, k -> new long[2]);
            bytesAndCount[0] += size;
            bytesAndCount[1]++;
        }
        System.out.printf("%s %s: %d decisions, %.1f B/decision%n", policy, detail, claims.length, (double) total / claims.length);
        by.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(Integer.parseInt(System.getProperty("top", "45")))
            .forEach(en -> System.out.printf("%7.1f B %6.2f/dec  %s%n", (double) en.getValue()[0] / claims.length, (double) en.getValue()[1] / claims.length, en.getKey()));
        System.out.println(sink != null ? "" : "no decision");
    }
}
