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
import org.openrma.policy.statute.StatutoryTerms;
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

    /**
     * A merchant's compiled catalog and its composition with the statutory packs, made when a claim first needs it:
     * a merchant whose policies declare no market never waits for the packs (they compile in the background after
     * the sample policies).
     */
    private static final class Cached {
        final long newestUpload;
        final PolicyCatalog catalog;
        volatile StatutoryDecider decider;

        Cached(long newestUpload, PolicyCatalog catalog) {
            this.newestUpload = newestUpload;
            this.catalog = catalog;
        }
    }

    /** The composition over the built-in catalog, for merchants without uploads. */
    private volatile StatutoryDecider builtInDecider;
    /** The markets each compiled version declares, read from its source once. */
    private final Map<CompiledPolicy, List<String>> markets = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** One policy version as listed by the API. */
    public record VersionInfo(String policy, String version, LocalDate effectiveFrom, String sha256, String fileName, String source) {
        static VersionInfo of(CompiledPolicy p, String source) {
            return new VersionInfo(p.id(), p.version(), p.effectiveFrom(), p.ref().sha256(), p.fileName(), source);
        }
    }

    public PolicyCatalog catalog(UUID merchantId) {
        long newest = jdbc.sql("select coalesce(max(id), 0) from policy_version where merchant_id = ?").param(merchantId)
                .query(Long.class).single();
        Cached c = cache.get(merchantId);
        if (c != null && c.newestUpload == newest) {
            return c.catalog;
        }
        PolicyCatalog builtInCatalog = builtIn.catalog();
        if (newest == 0) {
            return builtInCatalog;
        }
        List<CompiledPolicy> all = new ArrayList<>();
        builtInCatalog.policyIds().forEach(id -> all.addAll(builtInCatalog.versions(id)));
        jdbc.sql("select file_name, source_text from policy_version where merchant_id = ? order by id").param(merchantId)
                .query((rs, n) -> PolicyCompiler.compile(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(r -> r.policy().ifPresent(all::add));
        PolicyCatalog catalog = PolicyCatalog.of(all);
        cache.put(merchantId, new Cached(newest, catalog));
        return catalog;
    }

    /** The merchant's policies composed with the consumer law of the markets each version declares, as claims are decided. */
    public StatutoryDecider decider(UUID merchantId) {
        return decider(merchantId, catalog(merchantId));
    }

    private StatutoryDecider decider(UUID merchantId, PolicyCatalog catalog) {
        Cached c = cache.get(merchantId);
        if (c != null && c.catalog == catalog) {
            StatutoryDecider d = c.decider;
            if (d == null) {
                d = new StatutoryDecider(catalog, builtIn.statutes());
                c.decider = d;
            }
            return d;
        }
        StatutoryDecider d = builtInDecider;
        if (d == null || d.catalog() != catalog) {
            d = new StatutoryDecider(catalog, builtIn.statutes());
            if (catalog == builtIn.catalog()) {
                builtInDecider = d;
            }
        }
        return d;
    }

    public boolean known(UUID merchantId, String policyId) {
        return catalog(merchantId).policyIds().contains(policyId);
    }

    /** The decision under the policy version in force for the order, composed with the consumer law of the markets it declares. */
    public Decision decide(UUID merchantId, String policyId, Claim claim, Instant now) {
        PolicyCatalog catalog = catalog(merchantId);
        return declaresMarkets(catalog, policyId, claim.order().placedAt()) ? decider(merchantId, catalog).decide(policyId, claim, now)
                : catalog.decide(policyId, claim, now);
    }

    /** Whether the version in force at {@code placedAt} declares any market (only then is consumer law composed). */
    private boolean declaresMarkets(PolicyCatalog catalog, String policyId, Instant placedAt) {
        return catalog.versionInForce(policyId, placedAt)
                .map(v -> !markets.computeIfAbsent(v, k -> StatutoryTerms.of(k).markets()).isEmpty()).orElse(false);
    }

    /**
     * The countries whose consumer law the policy version in force at {@code placedAt} composes
     * (its {@code markets} that have a statutory pack), empty when it declares none.
     */
    public Set<String> statutoryMarkets(UUID merchantId, String policyId, Instant placedAt) {
        PolicyCatalog catalog = catalog(merchantId);
        return declaresMarkets(catalog, policyId, placedAt) ? new TreeSet<>(decider(merchantId, catalog).statutoryMarkets(policyId, placedAt))
                : new TreeSet<>();
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

    /** The version of a policy labelled {@code label}, if there is one. */
    public java.util.Optional<VersionInfo> labelled(UUID merchantId, String policyId, String label) {
        PolicyCatalog catalog = catalog(merchantId);
        return !catalog.policyIds().contains(policyId) ? java.util.Optional.empty()
                : catalog.versions(policyId).stream().filter(v -> v.version().equals(label)).findFirst().map(v -> VersionInfo.of(v, null));
    }

    /** The version of a policy that comes into force on {@code date}, if there is one (no two versions share a date). */
    public java.util.Optional<VersionInfo> startingOn(UUID merchantId, String policyId, LocalDate date) {
        PolicyCatalog catalog = catalog(merchantId);
        return !catalog.policyIds().contains(policyId) ? java.util.Optional.empty()
                : catalog.versions(policyId).stream().filter(v -> v.effectiveFrom().equals(date)).findFirst().map(v -> VersionInfo.of(v, null));
    }

    /** The version that decides orders placed at {@code at}, with its source. */
    public java.util.Optional<VersionInfo> inForce(UUID merchantId, String policyId, Instant at) {
        PolicyCatalog catalog = catalog(merchantId);
        return !catalog.policyIds().contains(policyId) ? java.util.Optional.empty()
                : catalog.versionInForce(policyId, at).map(v -> VersionInfo.of(v, v.sourceText()));
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
        // two versions with one label could not be told apart in decisions, lists and the studio
        if (current.policyIds().contains(p.id()) && current.versions(p.id()).stream().anyMatch(v -> v.version().equals(p.version()))) {
            throw new Refusal.Invalid("policy-version-label-exists", "version: policy '" + p.id() + "' already has a version labelled '"
                    + p.version() + "'; give the new version a label of its own",
                    List.of(new Refusal.Field("version", "policy '" + p.id() + "' already has a version labelled '" + p.version() + "'")));
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
