import java.io.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.openrma.bench.Policies;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Detail;

/**
 * Writes every decision of a generated claim mix (the full decision with its words, and the outcome only, as JSON) per
 * policy of the built-in catalogue, with a SHA-256 per policy and of all: run it on two builds' benchmark jars and compare
 * the digests (or the files) to show a change decides nothing differently. Usage, holding the build lock:
 * {@code java -cp openrma-bench/target/benchmarks.jar bench/decision-digest/DecisionDigest.java OUT.tsv 5000 POLICY...}
 * (each policy id of the catalogue, with a claim mix of that name; two seeds, decided at submission and 45 days later).
 */
public class DecisionDigest {
    public static void main(String[] a) throws Exception {
        String out = a[0];
        int n = Integer.parseInt(a[1]);
        String[] policies = java.util.Arrays.copyOfRange(a, 2, a.length);
        var catalog = Policies.catalog();
        try (var w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(out), StandardCharsets.UTF_8))) {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (String p : policies) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                int count = 0;
                for (long seed : new long[] {20_251_122L, 7L}) {
                    for (Claim c : ClaimMix.claims(ClaimMix.Profile.forPolicy(p), seed, n)) {
                        for (Duration later : new Duration[] {Duration.ZERO, Duration.ofDays(45)}) {
                            var now = c.request().submittedAt().plus(later);
                            String line;
                            try {
                                Decision full = catalog.decide(p, c, now);
                                Decision outcome = catalog.decide(p, c, now, Detail.OUTCOME_ONLY);
                                line = DecisionJson.write(full) + "\t" + DecisionJson.write(outcome) + "\t" + full.equals(full) + "\t" + outcome.resolutions().size();
                            } catch (RuntimeException e) {
                                line = "ERROR " + e;
                            }
                            w.write(p); w.write('\t'); w.write(line); w.write('\n');
                            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
                            md.update(b); all.update(b);
                            count++;
                        }
                    }
                }
                System.out.printf("%s %d decisions %s%n", p, count, java.util.HexFormat.of().formatHex(md.digest()));
            }
            System.out.println("all " + java.util.HexFormat.of().formatHex(all.digest()));
        }
    }
}
