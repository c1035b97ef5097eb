package org.openrma.whatif.replay;

import java.time.Instant;
import java.util.List;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;
import org.openrma.policy.PolicyLoadException;

/**
 * One side of a replay: either a policy of the catalog, whose version is chosen per claim by the
 * order's date as in production, or one policy file compiled on its own, which decides every claim
 * whatever its date (to compare two versions of a text over the same claims).
 */
public sealed interface ReplayPolicy {

    /** What the user named: the policy id or the file. */
    public String label();

    public String policyId();

    /** Decides as of {@code now}; {@link Detail#OUTCOME_ONLY} leaves out the explanation, for the bulk of a replay. */
    public Decision decide(Claim claim, Instant now, Detail detail);

    /** A policy id from the catalog: the version in force when each order was placed decides. */
    public record FromCatalog(String policyId, PolicyCatalog catalog) implements ReplayPolicy {

        public FromCatalog {
            catalog.versions(policyId); // fails early, naming the known policies
        }

        @Override
        public String label() {
            return policyId;
        }

        @Override
        public Decision decide(Claim claim, Instant now, Detail detail) {
            return catalog.decide(policyId, claim, now, detail);
        }
    }

    /**
     * A policy of the catalog composed with the consumer law of the markets it sells to (the
     * statutory packs): what the merchant pays once statutory rights override its policy.
     */
    public record WithStatutes(String policyId, PolicyCatalog catalog, org.openrma.policy.statute.StatuteLibrary statutes, List<String> markets,
            org.openrma.policy.statute.StatutoryDecider decider) implements ReplayPolicy {

        public WithStatutes(String policyId, PolicyCatalog catalog, org.openrma.policy.statute.StatuteLibrary statutes, List<String> markets) {
            this(policyId, catalog, statutes, List.copyOf(markets), new org.openrma.policy.statute.StatutoryDecider(catalog, statutes));
            catalog.versions(policyId);
        }

        @Override
        public String label() {
            return policyId + " with consumer law of " + String.join(", ", markets);
        }

        @Override
        public Decision decide(Claim claim, Instant now, Detail detail) {
            // composition reads the merchant's explanation (the clauses it displaces), so the detail is always full
            return decider.decide(policyId, claim, now, java.util.Optional.of(markets));
        }
    }

    /**
     * A policy of the catalog decided as the service decides it: each claim by the version in force for its
     * order, composed with the consumer law of the markets that version declares ({@code markets:}).
     */
    public record AsDeclared(String policyId, org.openrma.policy.statute.StatutoryDecider decider) implements ReplayPolicy {

        public AsDeclared {
            decider.catalog().versions(policyId); // fails early, naming the known policies
        }

        @Override
        public String label() {
            return policyId;
        }

        @Override
        public Decision decide(Claim claim, Instant now, Detail detail) {
            return decider.decide(policyId, claim, now);
        }
    }

    /**
     * One policy file composed with the consumer law of the markets it declares: this version decides every
     * claim, and the statutory packs of the buyer's country apply where the file sells to it.
     */
    public record FileAsDeclared(String label, CompiledPolicy policy, org.openrma.policy.statute.StatuteLibrary statutes,
                                 org.openrma.policy.statute.StatutoryTerms terms) implements ReplayPolicy {

        public FileAsDeclared(String label, CompiledPolicy policy, org.openrma.policy.statute.StatuteLibrary statutes) {
            this(label, policy, statutes, org.openrma.policy.statute.StatutoryTerms.of(policy));
        }

        @Override
        public String policyId() {
            return policy.id();
        }

        @Override
        public Decision decide(Claim claim, Instant now, Detail detail) {
            if (statutes.applicable(claim, terms.markets()).isEmpty()) {
                return policy.decide(claim, now, detail);
            }
            // composition reads the merchant's explanation (the clauses it displaces), so the detail is full
            return org.openrma.policy.statute.StatutoryDecider.decideByVersion(policy, terms, statutes, claim, now);
        }
    }

    /** One policy file: this version decides every claim. */
    public record FromFile(String label, CompiledPolicy policy) implements ReplayPolicy {

        public static FromFile compile(String label, String text) {
            PolicyCompiler.Result result = PolicyCompiler.compile(label, text);
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            if (!errors.isEmpty() || result.policy().isEmpty()) {
                throw new PolicyLoadException(errors.isEmpty()
                        ? List.of(new Diagnostic(Diagnostic.Severity.ERROR, label, 0, 0, "the policy could not be compiled"))
                        : errors);
            }
            return new FromFile(label, result.policy().get());
        }

        @Override
        public String policyId() {
            return policy.id();
        }

        @Override
        public Decision decide(Claim claim, Instant now, Detail detail) {
            return policy.decide(claim, now, detail);
        }
    }
}
