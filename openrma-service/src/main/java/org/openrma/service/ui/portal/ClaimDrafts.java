package org.openrma.service.ui.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.claim.Claim;
import org.openrma.policy.statute.ConsumerExplanation;
import org.openrma.claim.Evidence;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.service.catalogue.Products;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.ClaimUnits;
import org.openrma.service.rma.ClaimableQuantities;
import org.openrma.service.rma.RmaDocuments;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.ui.UiMessages;
import org.openrma.service.web.Json;
import tools.jackson.databind.node.ArrayNode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link Draft} into the claim's {@code request} and runs the merchant's policy on it
 * without storing anything: the portal's live preview. The claim is built the way filing builds it
 * (the stored order, {@code submitted_at} = now, a voided serial adds the fact warranty_voided, the customer's
 * country and consumer status where the order does not say). Where the merchant's policy composes the consumer
 * law of the customer's country, the preview tells the statutory right in plain words with its national section.
 */
@Component
public class ClaimDrafts {

    private final MerchantPolicies policies;
    private final ClaimUnits units;
    private final Clock clock;
    private final ClaimableQuantities claimable;
    private final WaysForward waysForward;
    private final UiMessages text;
    private final Products products;

    public ClaimDrafts(MerchantPolicies policies, ClaimUnits units, Clock clock, ClaimableQuantities claimable, Products products,
                       UiMessages text) {
        this.products = products;
        this.waysForward = new WaysForward(this, policies, text);
        this.text = text;
        this.claimable = claimable;
        this.policies = policies;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The engine's answer, or the reasons the draft cannot be decided yet; for a refusal, why in the customer's words and
     * what they can still do ({@link WaysForward}).
     */
    /** {@code unitsHeld}: the problems are units earlier requests hold, which stop the draft from being sent. */
    public record Preview(DecisionModel decision, List<String> problems, WaysForward.Help help, ResolutionChoices choices, boolean unitsHeld) {
        Preview(DecisionModel decision, List<String> problems) {
            this(decision, problems, null, null, false);
        }
    }

    /**
     * What the form offers for this order under the policy in force when it was placed: each reason with the kinds of request it
     * is offered for ({@code data-kinds}), and the item conditions (the standard ones and those the policy adds).
     */
    public record FormOptions(Map<String, String> reasonKinds, Map<String, String> conditions) {}

    public FormOptions options(Merchant merchant, StoredOrder order) {
        var policy = policies.catalog(merchant.id()).versionInForce(merchant.policyId(), order.placedAt());
        Map<String, String> reasonKinds = new java.util.LinkedHashMap<>();
        Map<String, String> conditions = new java.util.LinkedHashMap<>(Draft.CONDITIONS);
        if (policy.isEmpty()) {
            return new FormOptions(Draft.kindsOfReasons(), conditions);
        }
        // a reason is offered for a kind when some program serving that kind could take it; a kind no program serves at all
        // keeps its reasons (the policy's answer for a claim no program serves decides it, often a person's review)
        Draft.kindsOfReasons().forEach((reason, kinds) -> reasonKinds.put(reason, String.join(" ", java.util.Arrays.stream(kinds.split(" "))
                .filter(kind -> !kind.isBlank() && (!policy.get().mayServe(kind, null) || policy.get().mayServe(kind, reason))).toList())));
        policy.get().declaredConditions().forEach(c -> conditions.putIfAbsent(c, DecisionModel.words(c)));
        return new FormOptions(reasonKinds, conditions);
    }

    /** The {@code request} part of the claim, as the customer files it. */
    public ObjectNode request(Draft draft, Set<Evidence> evidence) {
        ObjectNode request = Json.object();
        request.put("kind", draft.kind());
        request.put("reason", draft.reason());
        if (!draft.lines().isEmpty()) {
            ArrayNode lines = request.putArray("lines");
            for (Draft.Line l : draft.lines()) {
                ObjectNode line = lines.addObject().put("sku", l.sku()).put("quantity", l.quantity());
                if (l.condition() != null) {
                    line.put("condition", l.condition());
                }
            }
        }
        if (!evidence.isEmpty()) {
            ArrayNode e = request.putArray("evidence");
            new TreeSet<>(evidence.stream().map(Evidence::wire).toList()).forEach(e::add);
        }
        if (draft.description() != null && !draft.description().isBlank()) {
            request.put("description", draft.description());
        }
        if (draft.resolution() != null) {
            request.put("preferred_resolution", draft.resolution());
        }
        draft.law().addTo(request);
        return request;
    }

    /**
     * What the order page asks for consumer law: the countries whose law the merchant's policy composes for this
     * order (none: the policy declares no market, and the page asks nothing), and what the order already says.
     */
    public record ConsumerLaw(Map<String, String> countries, String orderCountry, Boolean orderConsumer) {
        public boolean applies() {
            return !countries.isEmpty();
        }

        public String orderCountryName() {
            return ConsumerStatement.countryName(orderCountry);
        }
    }

    public ConsumerLaw consumerLaw(Merchant merchant, StoredOrder order) {
        List<String> markets = List.copyOf(policies.statutoryMarkets(merchant.id(), merchant.policyId(), order.placedAt()));
        return new ConsumerLaw(ConsumerStatement.countryOptions(markets), order.customerCountry(), order.customerIsConsumer());
    }

    /** The order as the customer sees it, with what earlier requests already hold of each line. */
    public OrderModel orderModel(Merchant merchant, StoredOrder order) {
        return OrderModel.of(order, claimable.of(merchant.id(), order));
    }

    /** Why earlier requests' units stop the draft, in the customer's words (empty: nothing held stops it). */
    private List<String> alreadyClaimed(Merchant merchant, StoredOrder order, Claim parsed) {
        return claimable.shortfalls(merchant.id(), order, parsed).stream()
                .map(f -> f.claimable() == 0
                        ? text.get("portal.order.cannot-send-held-all", f.sku(), f.heldBy())
                        : text.get("portal.order.cannot-send-held-some", f.claimable(), f.ordered(), f.sku(), f.heldBy())).toList();
    }

    public Preview preview(Merchant merchant, StoredOrder order, Draft draft, Set<Evidence> evidence) {
        if (draft.hasProblems()) {
            return new Preview(null, DraftProblems.inWords(draft, OrderModel.of(order), text));
        }
        Instant now = clock.instant();
        try {
            Claim parsed = claim(merchant, order, draft, evidence, now);
            List<String> alreadyClaimed = alreadyClaimed(merchant, order, parsed);
            if (!alreadyClaimed.isEmpty()) {
                return new Preview(null, alreadyClaimed, null, null, true);
            }
            Decision d = policies.decide(merchant.id(), merchant.policyId(), parsed, now);
            DecisionModel model = DecisionModel.of(RmaDocuments.asStored(d), order.merchandiseTotal().getCurrencyUnit().getCode());
            WaysForward.Help help = d.outcome() == org.openrma.decision.Outcome.REJECTED
                    ? waysForward.after(merchant, order, draft, evidence, d) : null;
            // the engine words the statutory right in English, German or French: in the page's language
            return new Preview(model.explainedToTheCustomer(ConsumerExplanation.of(d, parsed, LocaleContextHolder.getLocale())), List.of(), help,
                    ResolutionChoices.of(model, draft, order, products.productOf(merchant.id(), single(draft)).orElse(null)), false);
        } catch (InvalidClaimException e) {
            return new Preview(null, e.problems().stream().map(p -> p.message()).toList());   // words, not the API's field paths
        } catch (RuntimeException e) {
            return new Preview(null, List.of("The policy could not decide this request (" + e.getMessage()
                    + "). You can still send it: a person will review it."));
        }
    }

    /** What the policy would answer to the draft, were it filed now (nothing stored); for the ways forward after a refusal. */
    Decision decide(Merchant merchant, StoredOrder order, Draft draft, Set<Evidence> evidence) {
        Instant now = clock.instant();
        return policies.decide(merchant.id(), merchant.policyId(), claim(merchant, order, draft, evidence, now), now);
    }

    /** The SKU of the one line claimed ("" for none or several: an exchange for another variant is of one item). */
    private static String single(Draft draft) {
        return draft.lines().size() == 1 ? draft.lines().getFirst().sku() : "";
    }

    /**
     * The claim filing would build from the draft on the stored order, submitted at {@code now}: also what the policy
     * studio tries a draft policy on.
     */
    public Claim claim(Merchant merchant, StoredOrder order, Draft draft, Set<Evidence> evidence, Instant now) {
        ClaimDocument claim = ClaimDocument.previewed(order.document(), request(draft, evidence), now);
        units.applyHistory(merchant.id(), claim);
        claim.buyerStates(draft.law().country(), draft.law().consumer());
        return claim.claim();
    }
}
