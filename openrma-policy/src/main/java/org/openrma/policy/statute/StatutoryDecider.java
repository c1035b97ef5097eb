package org.openrma.policy.statute;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCatalog;

/**
 * Decides a claim under the merchant's policy and the consumer law of the buyer's country: the
 * merchant's version in force decides first, then the statutory packs that apply are composed with
 * it ({@link Composer}). The markets are the ones the merchant's policy declares ({@code markets:}),
 * unless the caller names them (the CLI's {@code --market}, a scenario's {@code markets}).
 */
public final class StatutoryDecider {

    private final PolicyCatalog merchants;
    private final StatuteLibrary statutes;
    private final Map<CompiledPolicy, StatutoryTerms> terms = new ConcurrentHashMap<>();

    public StatutoryDecider(PolicyCatalog merchants, StatuteLibrary statutes) {
        this.merchants = merchants;
        this.statutes = statutes;
    }

    public Decision decide(String policyId, Claim claim, Instant now) {
        return decide(policyId, claim, now, Optional.empty());
    }

    public Decision decide(String policyId, Claim claim, Instant now, Optional<? extends Collection<String>> markets) {
        Decision merchant = merchants.decide(policyId, claim, now);
        Optional<CompiledPolicy> version = merchants.versionInForce(policyId, claim.order().placedAt());
        if (version.isEmpty()) {
            return merchant;
        }
        StatutoryTerms merchantTerms = terms.computeIfAbsent(version.get(), StatutoryTerms::of);
        Collection<String> sellsTo = markets.isPresent() ? markets.get() : merchantTerms.markets();
        List<CompiledPolicy> packs = statutes.applicable(claim, sellsTo);
        return Composer.compose(merchant, claim, packs, statutes, merchantTerms, now);
    }

    /**
     * One policy version decides the claim whatever the order's date (a draft being tried, one file replayed),
     * composed with the consumer law of the markets it declares.
     */
    public static Decision decideByVersion(CompiledPolicy version, StatutoryTerms terms, StatuteLibrary statutes, Claim claim, Instant now) {
        List<CompiledPolicy> packs = statutes.applicable(claim, terms.markets());
        Decision merchant = version.decide(claim, now);
        return packs.isEmpty() ? merchant : Composer.compose(merchant, claim, packs, statutes, terms, now);
    }

    /** The merchant's policies this decides under. */
    public PolicyCatalog catalog() {
        return merchants;
    }

    /** The countries whose packs apply to a claim under the version in force at {@code placedAt}: its declared markets that have a pack. */
    public List<String> statutoryMarkets(String policyId, Instant placedAt) {
        return merchants.versionInForce(policyId, placedAt)
                .map(v -> terms.computeIfAbsent(v, StatutoryTerms::of).markets().stream().filter(statutes.countries()::contains).toList())
                .orElse(List.of());
    }

    public StatuteLibrary statutes() {
        return statutes;
    }
}
