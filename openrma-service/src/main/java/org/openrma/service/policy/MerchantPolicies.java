package org.openrma.service.policy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.policy.statute.StatutoryDecider;
import org.openrma.service.access.Caller;
import org.openrma.service.refusal.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The policies a merchant's claims are decided by: the five built-in ones plus the versions the
 * merchant uploaded. A merchant's catalog is compiled once and rebuilt when another upload appears
 * (any instance sees it: the cache key is the newest upload id in the database). Every claim is
 * decided under the consumer law of the buyer's country too, when the policy version in force
 * declares that market ({@code markets:}): the statutory packs are composed with the merchant's
 * decision ({@link StatutoryDecider}); a policy without markets decides alone, as before.
 */
@Component
public class MerchantPolicies {

    private final BuiltInPolicies builtIn;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public MerchantPolicies(BuiltInPolicies builtInPolicies, JdbcClient jdbc, Clock clock) {
        this.builtIn = builtInPolicies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Cached(long newestUpload, StatutoryDecider decider) {}

    /** The decider over the built-in catalog alone, made on first use (the catalog compiles in the background). */
    private volatile StatutoryDecider builtInDecider;

    /** One policy version as listed by the API. */
    public record VersionInfo(String policy, String version, LocalDate effectiveFrom, String sha256, String fileName, String source) {
        static VersionInfo of(CompiledPolicy p, String source) {
            return new VersionInfo(p.id(), p.version(), p.effectiveFrom(), p.ref().sha256(), p.fileName(), source);
        }
    }

    public PolicyCatalog catalog(UUID merchantId) {
        return decider(merchantId).catalog();
    }

    /** The merchant's policies composed with the consumer law of the markets each version declares, as claims are decided. */
    public StatutoryDecider decider(UUID merchantId) {
        long newest = jdbc.sql("select coalesce(max(id), 0) from policy_version where merchant_id = ?").param(merchantId)
                .query(Long.class).single();
        Cached c = cache.get(merchantId);
        if (c != null && c.newestUpload() == newest) {
            return c.decider();
        }
        PolicyCatalog builtInCatalog = builtIn.catalog();
        if (newest == 0) {
            StatutoryDecider d = builtInDecider;
            if (d == null) {
                d = new StatutoryDecider(builtInCatalog, builtIn.statutes());
                builtInDecider = d;
            }
            return d;
        }
        List<CompiledPolicy> all = new ArrayList<>();
        builtInCatalog.policyIds().forEach(id -> all.addAll(builtInCatalog.versions(id)));
        jdbc.sql("select file_name, source_text from policy_version where merchant_id = ? order by id").param(merchantId)
                .query((rs, n) -> PolicyCompiler.compile(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(r -> r.policy().ifPresent(all::add));
        StatutoryDecider decider = new StatutoryDecider(PolicyCatalog.of(all), builtIn.statutes());
        cache.put(merchantId, new Cached(newest, decider));
        return decider;
    }

    public boolean known(UUID merchantId, String policyId) {
        return catalog(merchantId).policyIds().contains(policyId);
    }

    /** The decision under the policy version in force for the order, composed with the consumer law of the markets it declares. */
    public Decision decide(UUID merchantId, String policyId, Claim claim, Instant now) {
        return decider(merchantId).decide(policyId, claim, now);
    }

    /**
     * The countries whose consumer law the policy version in force at {@code placedAt} composes
     * (its {@code markets} that have a statutory pack), empty when it declares none.
     */
    public Set<String> statutoryMarkets(UUID merchantId, String policyId, Instant placedAt) {
        return new TreeSet<>(decider(merchantId).statutoryMarkets(policyId, placedAt));
    }

    /** The statutory packs every merchant's claims are composed with. */
    public StatuteLibrary statutes() {
        return builtIn.statutes();
    }

    public List<VersionInfo> list(UUID merchantId) {
        PolicyCatalog catalog = catalog(merchantId);
        List<VersionInfo> out = new ArrayList<>();
        for (String id : catalog.policyIds()) {
            catalog.versions(id).forEach(p -> out.add(VersionInfo.of(p, null)));
        }
        return out;
    }

    public VersionInfo version(UUID merchantId, String policyId, String version) {
        PolicyCatalog catalog = catalog(merchantId);
        if (!catalog.policyIds().contains(policyId)) {
            throw new Refusal.NotFound("policy", policyId);
        }
        return catalog.versions(policyId).stream().filter(p -> p.version().equals(version)).findFirst()
                .map(p -> VersionInfo.of(p, p.sourceText()))
                .orElseThrow(() -> new Refusal.NotFound("version of policy " + policyId, version));
    }

    /** An accepted upload: the version and the linter's warnings, which do not block publishing. */
    public record Uploaded(VersionInfo version, List<String> warnings) {}

    /** Compiles and stores an uploaded policy version, or refuses it with every diagnostic. Published versions are immutable. */
    public Uploaded upload(Caller.Staff admin, String fileName, String source) {
        PolicyCompiler.Result result = PolicyCompiler.compile(fileName, source);
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() || result.policy().isEmpty()) {
            throw new Refusal.Invalid("invalid-policy",
                    errors.size() + " error(s) in " + fileName + "; first: " + (errors.isEmpty() ? "no policy" : errors.getFirst()),
                    errors.stream().map(d -> new Refusal.Field("source:" + d.line() + ":" + d.column(), d.message())).toList());
        }
        CompiledPolicy p = result.policy().get();
        PolicyCatalog current = catalog(admin.merchantId());
        if (current.policyIds().contains(p.id())
                && current.versions(p.id()).stream().anyMatch(v -> v.effectiveFrom().equals(p.effectiveFrom()))) {
            throw new Refusal.Conflict("policy-version-exists",
                    "policy '" + p.id() + "' already has a version in force from " + p.effectiveFrom());
        }
        jdbc.sql("""
                insert into policy_version (merchant_id, policy_id, version, effective_from, sha256, file_name, source_text, uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admin.merchantId(), p.id(), p.version(), p.effectiveFrom(), p.ref().sha256(), fileName, source,
                        Timestamp.from(clock.instant()), admin.name())
                .update();
        return new Uploaded(VersionInfo.of(p, null),
                result.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::toString).toList());
    }
}
