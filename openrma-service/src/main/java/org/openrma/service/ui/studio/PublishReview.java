package org.openrma.service.ui.studio;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.whatif.DraftReplays;

/**
 * What a support lead reads before publishing a draft: the line diff against the version in force, what the draft would
 * have changed in the stored claims, and what stands in the way (a label already used, a version already starting on
 * the chosen day), each in words with what to do instead.
 */
public record PublishReview(String policyId, String label, LocalDate effectiveFrom, MerchantPolicies.VersionInfo inForce,
                            DraftDiff diff, DraftReplays.Summary whatIf, String whatIfProblem, Map<String, String> problems,
                            SameDay sameDay) {

    /** A version label: letters, digits and . _ - and spaces, as a person would write one ("2026-01", "spring sale 2"). */
    static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,39}");

    /** A published version already comes into force on the chosen day, and how to replace it. */
    public record SameDay(String existingLabel, LocalDate day, LocalDate nextDay) {}

    /** Nothing blocks publishing: no problem with the label or the date, and the draft compiles. */
    public boolean publishable() {
        return problems.isEmpty() && sameDay == null;
    }

    public boolean hasInForce() {
        return inForce != null;
    }

    /** The refunds difference per currency, signed, for the summary line. */
    public List<String> refundChanges() {
        return whatIf == null ? List.of() : whatIf.refundDifference().entrySet().stream()
                .map(e -> (e.getValue().signum() > 0 ? "+" : "") + e.getValue().toPlainString() + " " + e.getKey()).toList();
    }
}
