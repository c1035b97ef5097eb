import java.util.List;
import org.openrma.bench.Policies;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.policy.PolicyCatalog;

/**
 * ns per full decision with mixes of different sizes: how much of a decision's time is bringing a claim's objects into the
 * cache (bench/mix-size/README.md). The first of three rounds warms up and is not printed.
 */
public class MixSize {
    static Object sink;
    public static void main(String[] a) {
        PolicyCatalog catalog = Policies.catalog();
        String policy = a[0];
        for (int round = 0; round < 3; round++) {
            for (int mix : new int[] {2048, 512, 64, 16}) {
                List<Claim> all = ClaimMix.claims(ClaimMix.Profile.forPolicy(policy), 20_251_122L, 2048);
                // the same claims' spread: every (2048/mix)th claim, so the mixture is alike
                Claim[] cs = new Claim[mix];
                for (int i = 0; i < mix; i++) cs[i] = all.get(i * (2048 / mix));
                all = null;
                long n = 0; long t0 = System.nanoTime(); long end = t0 + 3_000_000_000L; long t = t0;
                while (t < end) {
                    for (int k = 0; k < 4096; k++) { Claim c = cs[(int) (n++ & (mix - 1))]; sink = catalog.decide(policy, c, c.request().submittedAt()); }
                    t = System.nanoTime();
                }
                if (round > 0) System.out.printf("%s mix %4d: %.0f ns%n", policy, mix, (t - t0) / (double) n);
            }
        }
    }
}
