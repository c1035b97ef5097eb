package org.openrma.service.shipping;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrma.policy.LabelCharge;
import org.openrma.service.access.Caller;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.DecidedTerms;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.rma.RmaStatus;
import org.openrma.service.rma.Rmas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an authorized return needs to be sent back: the address it goes to (chosen per program),
 * the packing slip, and a label where the merchant pays for it or the policy sells one. A label is
 * bought when the customer (or an agent) asks for it, not on approval: a sold label is charged to
 * the customer's refund, so it is their choice, and an unused prepaid label would cost the merchant.
 * The carrier is called with no transaction open; only its answer is stored, with the RMA's
 * tracking and, where the policy deducts the label's actual cost, that cost, in one transaction.
 */
@Component
public class ReturnShipping {

    /** Whether the customer can get a label: paid by the merchant, sold (charged to the refund), or none (they post it themselves). */
    public enum LabelOffer { MERCHANT_PAID, SOLD, NONE }

    /** An RMA's return shipping as it stands; {@code returnAddress} and {@code label} may be null. */
    public record Plan(ReturnAddress returnAddress, LabelOffer offer, ReturnLabelStore.StoredLabel label, boolean carrierConfigured) {}

    private final Rmas rmas;
    private final Merchants merchants;
    private final ShippingSettingsStore settings;
    private final ReturnLabelStore labels;
    private final PackingSlips slips;
    private final RmaManagement management;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final URI easyPostBase;
    /** How long a carrier may take to answer; a purchase reservation three times as old is stale. */
    private static final Duration CARRIER_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReturnShipping(Rmas rmas, Merchants merchants, ShippingSettingsStore settings, ReturnLabelStore labels, PackingSlips slips,
                          RmaManagement management, TransactionTemplate transactions, Clock clock,
                          @Value("${openrma.carriers.easypost-base-url:https://api.easypost.com}") URI easyPostBase) {
        this.rmas = rmas;
        this.merchants = merchants;
        this.settings = settings;
        this.labels = labels;
        this.slips = slips;
        this.management = management;
        this.transactions = transactions;
        this.clock = clock;
        this.easyPostBase = easyPostBase;
    }

    public Plan plan(Rma rma) {
        ShippingSettings s = settings.get(rma.merchantId());
        var decision = rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null);
        DecidedTerms terms = DecidedTerms.of(decision);
        String program = decision == null ? null : decision.program();
        LabelOffer offer = LabelOffer.NONE;
        if (terms != null && terms.approved()) {
            Optional<LabelCharge> charge = management.labelCharge(rma);
            if (charge.isPresent() && charge.get() != LabelCharge.NONE) {
                offer = LabelOffer.SOLD;
            } else if (charge.isPresent() && "merchant".equals(terms.returnShippingPaidBy())) {
                offer = LabelOffer.MERCHANT_PAID;
            }
        }
        return new Plan(s.addressFor(program).orElse(null), offer, labels.find(rma.merchantId(), rma.id()).orElse(null), s.carrierConfigured());
    }

    /** The packing slip of an RMA the caller may see; refused while the return is not authorized or under way. */
    public byte[] packingSlip(Caller caller, UUID rmaId) {
        Rma rma = shippable(caller, rmaId, "a packing slip");
        Merchant merchant = merchants.get(rma.merchantId());
        Plan plan = plan(rma);
        ClaimDocument claim = ClaimDocument.reading(rma.claim());
        List<PackingSlips.Item> items = claim.requested().lines().stream()
                .map(l -> new PackingSlips.Item(l.sku(), l.title() == null ? null : l.variant() == null ? l.title() : l.title() + ", " + l.variant(),
                        l.quantity(), l.condition().isEmpty() ? null : l.condition())).toList();
        LocalDate issued = LocalDate.ofInstant(rma.createdAt(), merchant.timeZone());
        return slips.render(new PackingSlips.Slip(merchant.name(), rma.number(), rma.orderNumber(), issued, rma.shipBackBy(),
                plan.returnAddress() == null ? null : plan.returnAddress().address(), items, labelNote(plan)));
    }

    /** The "print your own" address label: always available for a return under way, whatever the carrier says. */
    public byte[] printYourOwnLabel(Caller caller, UUID rmaId) {
        Rma rma = shippable(caller, rmaId, "an address label");
        Plan plan = plan(rma);
        if (plan.returnAddress() == null) {
            throw noAddress(rma);
        }
        return PrintYourOwnLabels.render(new ReturnLabels.Shipment(rma.number(), null, plan.returnAddress().address(), ReturnLabels.Parcel.DEFAULT,
                List.of()));
    }

    /** The stored PDF of a print-your-own label bought through {@link #buyLabel}. */
    public Optional<byte[]> storedLabelPdf(Caller caller, UUID rmaId) {
        Rma rma = find(caller, rmaId);
        return labels.pdf(rma.merchantId(), rma.id());
    }

    /**
     * Buys the RMA's return label from the merchant's carrier (the print-your-own label when it has
     * none) and records it. A carrier's refusal changes nothing and says how to print one's own.
     */
    public ReturnLabelStore.StoredLabel buyLabel(Caller caller, UUID rmaId, PostalAddress from) {
        Rma rma = find(caller, rmaId);
        if (rma.status() != RmaStatus.AUTHORIZED) {
            throw new Refusal.Conflict("not-authorized", "RMA " + rma.number() + " is " + rma.status().wire()
                    + "; a return label is bought while the return is authorized and not yet shipped");
        }
        Plan plan = plan(rma);
        if (plan.label() != null) {
            throw new Refusal.Conflict("label-already-bought", "RMA " + rma.number() + " already has a " + plan.label().carrier() + " label"
                    + (plan.label().tracking() == null ? "" : " (tracking " + plan.label().tracking() + ")"));
        }
        if (plan.returnAddress() == null) {
            throw noAddress(rma);
        }
        if (plan.offer() == LabelOffer.NONE) {
            throw new Refusal.Conflict("no-prepaid-label", "under the policy the customer sends RMA " + rma.number()
                    + " back at their own cost and no label is sold; print the address label (" + printYourOwnPath(rma) + ") and post the parcel");
        }
        ShippingSettings s = settings.get(rma.merchantId());
        boolean atActualCost = management.labelCharge(rma).orElse(null) == LabelCharge.ACTUAL_COST;
        if (atActualCost && !s.carrierConfigured()) {
            throw new Refusal.Conflict("label-cost-unknown", "the policy charges the label's actual cost, and without a carrier account "
                    + "there is no cost to charge; print the address label (" + printYourOwnPath(rma) + ") and post the parcel");
        }
        ReturnLabels carrier = s.carrierConfigured()
                ? new EasyPostLabels(easyPostBase, s.carrierApiKey(), http, CARRIER_TIMEOUT)
                : new PrintYourOwnLabels();
        Instant reservedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!labels.reservePurchase(rma.merchantId(), rma.id(), reservedAt, reservedAt.minus(CARRIER_TIMEOUT.multipliedBy(3)), caller.name())) {
            throw new Refusal.Conflict("label-purchase-in-progress", "the return label of RMA " + rma.number()
                    + " is being bought by another request right now; reload the return in a moment to see it");
        }
        try {
            return buyReserved(caller, rma, plan, from, carrier, atActualCost);
        } finally {
            labels.releasePurchase(rma.id(), reservedAt);
        }
    }

    private ReturnLabelStore.StoredLabel buyReserved(Caller caller, Rma rma, Plan plan, PostalAddress from, ReturnLabels carrier,
                                                     boolean atActualCost) {
        Optional<ReturnLabelStore.StoredLabel> boughtMeanwhile = labels.find(rma.merchantId(), rma.id());
        if (boughtMeanwhile.isPresent()) {   // by a request that finished between our first look and the reservation
            throw new Refusal.Conflict("label-already-bought", "RMA " + rma.number() + " already has a " + boughtMeanwhile.get().carrier() + " label");
        }
        ReturnLabels.Label label;
        try {
            label = carrier.purchase(new ReturnLabels.Shipment(rma.number(), from, plan.returnAddress().address(), ReturnLabels.Parcel.DEFAULT,
                    ClaimDocument.reading(rma.claim()).requested().lines().stream().map(ClaimDocument.Line::sku).toList()));
        } catch (ReturnLabels.CarrierRefused e) {
            Refusal refused = new Refusal.Upstream("carrier-refused", e.getMessage() + ". Nothing was bought and RMA " + rma.number()
                    + " is unchanged; you can print your own address label instead (" + printYourOwnPath(rma) + ") and post the parcel.");
            refused.initCause(e);   // the carrier's own words, for pages that word the fallback their way
            throw refused;
        }
        if (atActualCost && label.cost() == null) {
            throw new Refusal.Upstream("label-cost-unknown", carrier.name() + " did not state the label's price, and the policy charges "
                    + "its actual cost; print your own address label instead (" + printYourOwnPath(rma) + ")");
        }
        String orderCurrency = ClaimDocument.reading(rma.claim()).requested().currency();
        if (atActualCost && !label.cost().getCurrencyUnit().getCode().equals(orderCurrency)) {
            // fail closed: a price in another currency is not the amount to deduct from a refund in the order's currency
            throw new Refusal.Upstream("label-cost-unknown", carrier.name() + " priced the label in " + label.cost().getCurrencyUnit().getCode()
                    + ", not in the order's " + orderCurrency + ", and the policy charges its actual cost; print your own address label instead ("
                    + printYourOwnPath(rma) + ")");
        }
        String paidBy = plan.offer() == LabelOffer.SOLD ? "customer" : "merchant";
        String tracking = label.tracking() == null ? null : (label.carrier() == null ? "" : label.carrier() + " ") + label.tracking();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("carrier", label.carrier());
        detail.put("service", label.service());
        detail.put("tracking", label.tracking());
        detail.put("label_cost", label.cost() == null ? null : label.cost().getAmount().toPlainString());
        detail.put("label_paid_by", paidBy);
        transactions.executeWithoutResult(tx -> {
            if (!labels.insert(rma.merchantId(), rma.id(), label, paidBy, clock.instant(), caller.name())) {
                throw new Refusal.Conflict("label-already-bought", "RMA " + rma.number() + " got a label from another request meanwhile");
            }
            management.recordReturnLabel(caller, rma.id(), tracking, atActualCost ? label.cost().getAmount() : null, detail);
        });
        return labels.find(rma.merchantId(), rma.id()).orElseThrow();
    }

    /** The path, relative to the API, of the print-your-own address label. */
    public static String printYourOwnPath(Rma rma) {
        return "/api/v1/rmas/" + rma.id() + "/print-your-own-label";
    }

    static String labelNote(Plan plan) {
        if (plan.label() != null && plan.label().tracking() != null) {
            return "Stick the prepaid " + plan.label().carrier() + " label on the parcel (tracking " + plan.label().tracking() + ").";
        }
        return switch (plan.offer()) {
            case MERCHANT_PAID -> "Get the prepaid return label on your return page: the shop pays the postage.";
            case SOLD -> "Buy the prepaid label on your return page (its cost is deducted from your refund), or post it yourself.";
            case NONE -> "Post it with a trackable service at your own cost and report the tracking number on your return page.";
        };
    }

    private Rma shippable(Caller caller, UUID rmaId, String what) {
        Rma rma = find(caller, rmaId);
        if (rma.status() != RmaStatus.AUTHORIZED && rma.status() != RmaStatus.IN_TRANSIT) {
            throw new Refusal.Conflict("not-authorized", "RMA " + rma.number() + " is " + rma.status().wire() + "; " + what
                    + " is there once the return is authorized");
        }
        return rma;
    }

    private Rma find(Caller caller, UUID rmaId) {
        return rmas.find(caller.merchantId(), rmaId, caller.orderScope()).orElseThrow(() -> new Refusal.NotFound("RMA", rmaId));
    }

    private static Refusal noAddress(Rma rma) {
        return new Refusal.Conflict("no-return-address", "the shop has set no return address for RMA " + rma.number()
                + "; contact the shop (an admin sets return_addresses with PUT /api/v1/merchant/shipping)");
    }
}
