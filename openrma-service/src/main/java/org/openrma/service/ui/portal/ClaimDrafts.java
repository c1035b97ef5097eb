package org.openrma.service.ui.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.claim.Claim;
import org.openrma.claim.Evidence;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Vocabulary;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.ClaimUnits;
import org.openrma.service.rma.ClaimableQuantities;
import org.openrma.service.rma.RmaDocuments;
import org.openrma.service.rma.RmaRequests;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.web.Wire;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link Draft} into the claim's {@code request} and runs the merchant's policy on it
 * without storing anything: the portal's live preview. The claim is built the way filing builds it
 * (the stored order, {@code submitted_at} = now, a voided serial adds the fact warranty_voided).
 */
@Component
public class ClaimDrafts {

    private final MerchantPolicies policies;
    private final ClaimUnits units;
    private final Clock clock;
    private final ClaimableQuantities claimable;

    public ClaimDrafts(MerchantPolicies policies, ClaimUnits units, Clock clock, ClaimableQuantities claimable) {
        this.claimable = claimable;
        this.policies = policies;
        this.units = units;
        this.clock = clock;
    }

    /** The engine's answer, or the reasons the draft cannot be decided yet. */
    public record Preview(DecisionModel decision, List<String> problems) {}

    /** The {@code request} part of the claim, as the customer files it. */
    public RmaRequests.ClaimRequest request(Draft draft, Set<Evidence> evidence) {
        List<RmaRequests.ClaimLine> lines = draft.lines().stream()
                .map(l -> new RmaRequests.ClaimLine(l.sku(), l.quantity(), l.condition(), null, null)).toList();
        List<String> words = List.copyOf(new TreeSet<>(evidence.stream().map(Evidence::wire).toList()));
        return RmaRequests.ClaimRequest.asked(Vocabulary.parse(ClaimKind.class, draft.kind()).orElse(null), draft.reason(),
                lines.isEmpty() ? null : lines, words.isEmpty() ? null : words,
                draft.description() == null || draft.description().isBlank() ? null : draft.description());
    }

    /** The order as the customer sees it, with what earlier requests already hold of each line. */
    public OrderModel orderModel(Merchant merchant, StoredOrder order) {
        return OrderModel.of(order, claimable.of(merchant.id(), order));
    }

    public Preview preview(Merchant merchant, StoredOrder order, Draft draft, Set<Evidence> evidence) {
        if (draft.hasProblems()) {
            return new Preview(null, List.copyOf(draft.problems().values()));
        }
        Instant now = clock.instant();
        ClaimDocument claim = ClaimDocument.previewed(order.document(), (ObjectNode) Wire.tree(request(draft, evidence)), now);
        units.applyHistory(merchant.id(), claim);
        try {
            Claim parsed = claim.claim();
            List<String> alreadyClaimed = claimable.problems(merchant.id(), order, parsed).stream()
                    .map(f -> "You cannot send this request: " + f.message() + ".").toList();
            if (!alreadyClaimed.isEmpty()) {
                return new Preview(null, alreadyClaimed);
            }
            Decision d = policies.decide(merchant.id(), merchant.policyId(), parsed, now);
            return new Preview(DecisionModel.of(RmaDocuments.asStored(d), order.merchandiseTotal().getCurrencyUnit().getCode()), List.of());
        } catch (InvalidClaimException e) {
            return new Preview(null, e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
        } catch (RuntimeException e) {
            return new Preview(null, List.of("The policy could not decide this request (" + e.getMessage()
                    + "). You can still send it: a person will review it."));
        }
    }
}
