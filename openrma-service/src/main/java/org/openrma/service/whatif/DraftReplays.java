package org.openrma.service.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCompiler;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.refusal.Refusal;
import org.openrma.whatif.replay.ClaimRecords;
import org.openrma.whatif.replay.Replay;
import org.openrma.whatif.replay.ReplayHtml;
import org.openrma.whatif.replay.ReplayJson;
import org.openrma.whatif.replay.ReplayPolicy;
import org.openrma.whatif.replay.ReplayReport;
import org.openrma.whatif.replay.ReplayTally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a draft policy would have done to a merchant's stored claims: every claim filed under the
 * draft's policy id is decided by the published versions (each by its order's date, as it was)
 * and by the draft, and the two are compared. Both sides are composed with the consumer law of the
 * markets they declare, as claims are decided, so a draft that adds {@code markets:} shows what the
 * statutory rights cost by the buyer's country. Nothing is stored; the claims are streamed from the
 * database, so memory does not grow with the history.
 */
@Component
public class DraftReplays {

    /** How many of the most changed claims the report explains in full. */
    static final int TOP_CHANGES = 10;

    private final JdbcClient jdbc;
    private final MerchantPolicies policies;

    public DraftReplays(JdbcClient jdbc, MerchantPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** The report as JSON and as a self-contained HTML page, with its headline numbers. */
    public record Report(String json, String html, Summary summary) {}

    /**
     * The headline of a replay: how many stored claims were decided, how many would be decided differently, how many
     * would change outcome, and by how much the refunds of approved claims would change, per currency.
     */
    public record Summary(long decided, long changed, long outcomeChanged, java.util.SortedMap<String, java.math.BigDecimal> refundDifference) {}

    @Transactional(readOnly = true)
    public Report replay(UUID merchantId, String draftYaml) {
        CompiledPolicy compiled = compile(draftYaml);
        ReplayPolicy draft = new ReplayPolicy.FileAsDeclared("draft", compiled, policies.statutes());
        var catalog = policies.catalog(merchantId);
        if (!catalog.policyIds().contains(draft.policyId())) {
            throw new Refusal.Invalid("nothing-to-compare",
                    "the draft is policy '" + draft.policyId() + "', which has no published version to compare it with; published: "
                            + String.join(", ", catalog.policyIds()), List.of(new Refusal.Field("source", "policy id " + draft.policyId())));
        }
        ReplayPolicy published = new ReplayPolicy.AsDeclared(draft.policyId(), policies.decider(merchantId));
        Replay replay = new Replay(published, draft,
                new Replay.Options(Math.max(1, Runtime.getRuntime().availableProcessors()), TOP_CHANGES, Replay.OnError.SKIP));
        try (Stream<String> claims = jdbc.sql("select claim::text from rma where merchant_id = ? and policy_id = ? order by created_at, id")
                        .params(merchantId, draft.policyId()).query(String.class).stream();
                ClaimRecords records = new ClaimRecords(new JsonLines(claims.iterator()), "stored claims")) {
            ReplayTally tally = replay.run(records);
            ReplayReport report = new ReplayReport(ReplayReport.Side.of(published), ReplayReport.Side.of(draft),
                    new ReplayReport.Input("stored claims of policy " + draft.policyId(), records.format(), false), tally,
                    replay.explain(tally.topChanges()));
            java.util.SortedMap<String, java.math.BigDecimal> refunds = new java.util.TreeMap<>();
            tally.refundDifference().forEach((currency, amount) -> refunds.put(currency.getCode(), amount));
            return new Report(ReplayJson.write(report), ReplayHtml.render(report),
                    new Summary(tally.decided(), tally.changed(), tally.outcomeChanged(), refunds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was interrupted", e);
        }
    }

    private static CompiledPolicy compile(String draftYaml) {
        PolicyCompiler.Result result = PolicyCompiler.compile("draft.yaml", draftYaml);
        List<Diagnostic> errors = result.errors();
        if (!errors.isEmpty() || result.policy().isEmpty()) {
            throw new Refusal.Invalid("invalid-policy",
                    errors.size() + " error(s) in the draft; first: " + (errors.isEmpty() ? "no policy" : errors.getFirst()),
                    errors.stream().map(d -> new Refusal.Field("source:" + d.line() + ":" + d.column(), d.message())).toList());
        }
        return result.policy().get();
    }

    /** Rows of claim JSON read as JSON Lines, one row at a time. */
    private static final class JsonLines extends InputStream {
        private final Iterator<String> rows;
        private byte[] current = new byte[0];
        private int position;

        JsonLines(Iterator<String> rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= current.length) {
                if (!rows.hasNext()) {
                    return false;
                }
                current = (rows.next().replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }
    }
}
