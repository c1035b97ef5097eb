package org.openrma.policy.model;

import java.util.HashSet;
import java.util.Set;
import org.openrma.claim.Claim;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.RequestLine;
import org.openrma.claim.Vocabulary;

/**
 * The words a policy accepts (the standard vocabularies and its own), as sets built when it is
 * compiled, so most claims are let through with a few hash look-ups. A claim with a word outside
 * them, or with attributes to check, goes through {@link ClaimCheck}, which gives the same verdict
 * and names every problem.
 */
public final class WordGate {

    private final Declarations declarations;
    private final Set<String> reasons;
    private final Set<String> facts;
    private final Set<String> evidence;
    private final Set<String> conditions;

    public WordGate(Declarations declarations) {
        this.declarations = declarations;
        this.reasons = accepted(Reason.values(), declarations.declared(Declarations.Vocabularies.REASONS));
        this.facts = accepted(Fact.values(), declarations.declared(Declarations.Vocabularies.FACTS));
        this.evidence = accepted(Evidence.values(), declarations.declared(Declarations.Vocabularies.EVIDENCE));
        this.conditions = accepted(ItemCondition.values(), declarations.declared(Declarations.Vocabularies.CONDITIONS));
    }

    private static Set<String> accepted(Vocabulary[] standard, Set<String> declared) {
        Set<String> all = new HashSet<>(declared);
        for (Vocabulary v : standard) {
            all.add(v.wire());
        }
        return Set.copyOf(all);
    }

    /** Refuses a claim the policy cannot read, exactly as {@link ClaimCheck#against} does. */
    public void check(Claim claim) {
        if (!plainlyAccepted(claim)) {
            ClaimCheck.against(declarations, claim);
        }
    }

    private boolean plainlyAccepted(Claim claim) {
        if (claim.readableByAnyPolicy()) {
            return true;
        }
        var request = claim.request();
        // a standard word (its constant, which every policy accepts) needs no look-up; "other" and declared words do
        if (request.reason() == Reason.OTHER && !reasons.contains(request.reasonWord())) {
            return false;
        }
        // a claim of standard words only (most) is let through without a look-up, and so without an iterator over its words
        if (!request.allWordsStandard()) {
            if (!facts.containsAll(request.words().facts()) || !evidence.containsAll(request.words().evidence())) {
                return false;
            }
        }
        var lines = request.lines();
        for (int i = 0; i < lines.size(); i++) {
            RequestLine l = lines.get(i);
            if (l.condition() == null && l.conditionWord() != null && !conditions.contains(l.conditionWord())) {
                return false;
            }
        }
        if (!request.attributes().isEmpty() || !claim.order().attributes().isEmpty() || !claim.order().customer().attributes().isEmpty()) {
            return false;
        }
        var orderLines = claim.order().lines();
        for (int i = 0; i < orderLines.size(); i++) {
            if (!orderLines.get(i).attributes().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
