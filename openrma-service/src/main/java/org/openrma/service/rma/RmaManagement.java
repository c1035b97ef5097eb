package org.openrma.service.rma;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.reading.Wording;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.Wire;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The RMA use cases as the controllers, the pages and the deadline task call them, each one
 * transaction: the RMA, its decision, ledger entries, unit history, audit events, outbox messages
 * and deadline tasks commit together or not at all. The work is done by one class per use case:
 * {@link FilingClaims}, {@link CommandsOnRmas} (with {@link Resolutions}) and {@link SlaSweep}; they
 * decide through {@link ClaimDecisions} and speak through {@link Announcements}.
 */
@Component
public class RmaManagement {

    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final FilingClaims filing;
    private final CommandsOnRmas commands;
    private final SlaSweep sla;
    private final ReturnLabelRecords labels;

    RmaManagement(Merchants merchants, MerchantPolicies policies, FilingClaims filing, CommandsOnRmas commands, SlaSweep sla,
                  ReturnLabelRecords labels) {
        this.labels = labels;
        this.merchants = merchants;
        this.policies = policies;
        this.filing = filing;
        this.commands = commands;
        this.sla = sla;
    }

    /**
     * Files a claim. Staff send the order (imported if new) or its number, plus the request and
     * optionally a policy; a customer sends only the request and files on the order their token is
     * for. Either may add the buyer ({@code customer}): their country and consumer status where the
     * order does not say (consumer law). Every problem with the body is refused at once, naming its
     * field. The engine decides at once.
     */
    @Transactional
    public Rma submit(Caller caller, RmaRequests.FileClaim body) {
        return filed(caller, body).rma();
    }

    /** A claim just filed: the RMA, its decision as stored and its claim as shown, so the answer needs no second read of what was just written. */
    public record Filed(Rma rma, RenderedDocuments.ShownDecision decision, Rendered<RmaDocuments.Claim> claim) {}

    /** {@link #submit}, answering with the decision too. */
    @Transactional
    public Filed file(Caller caller, RmaRequests.FileClaim body) {
        return filed(caller, body);
    }

    private Filed filed(Caller caller, RmaRequests.FileClaim body) {
        RmaLifecycle.Actor actor = RmaLifecycle.Actor.of(caller);
        RmaLifecycle.check(null, RmaAction.SUBMIT, actor);
        Merchant merchant = merchants.current(caller.merchantId());
        List<Refusal.Field> problems = new ArrayList<>();
        if (body.request() == null) {
            problems.add(new Refusal.Field("request", "is required"));
        }
        String orderNumber = blankToNull(body.orderNumber());
        String policyId = blankToNull(body.policy());
        if (caller instanceof Caller.Customer) {
            // a customer files on the order their token is for, under the merchant's policy
            Map<String, Object> staffOnly = new LinkedHashMap<>();
            staffOnly.put("order", body.order());
            staffOnly.put("order_number", body.orderNumber());
            staffOnly.put("policy", body.policy());
            staffOnly.forEach((name, value) -> {
                if (value != null) {
                    problems.add(new Refusal.Field(name, Wording.unknownField(name, List.of("request", "customer"))));
                }
            });
        } else {
            if ((body.order() != null) == (orderNumber != null)) {
                problems.add(new Refusal.Field("order", "give either 'order' (the order itself) or 'order_number' (an imported order)"));
            }
            if (policyId != null && !policies.known(merchant.id(), policyId)) {
                var known = policies.catalog(merchant.id()).policyIds();
                problems.add(new Refusal.Field("policy", Wording.unknownValue(policyId, known)));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal.Invalid(problems);
        }
        JsonNode order = body.order() == null ? null : Wire.tree(body.order());
        RmaRequests.Buyer buyer = body.customer();
        return filing.file(caller, merchant, new FilingClaims.FileClaim(orderNumber, order, (ObjectNode) Wire.tree(body.request()), policyId,
                buyer == null ? null : buyer.country(), buyer == null ? null : buyer.isConsumer()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The version of the RMA the caller saw, and whether it came in an If-Match header (412 when stale) or the body (409). */
    public record Versioned(int version, boolean fromIfMatch) {}

    @Transactional
    public Rma apply(Caller caller, UUID rmaId, Versioned expected, RmaCommand command) {
        return commands.apply(caller, rmaId, expected, command);
    }

    /** Marks an open RMA whose resolution deadline passed; called by the deadline task. */
    @Transactional
    public void breachSla(Caller.Automation system, UUID rmaId, LocalDate due) {
        sla.breach(system, rmaId, due);
    }

    /** RMAs due for a due-soon notice, for the deadline task. */
    public List<Rmas.DueSoon> dueSoonWithoutNotice(int limit) {
        return sla.dueSoonWithoutNotice(limit);
    }

    /**
     * Sends the "SLA due soon" notice of an open RMA whose SLA date is near (webhook
     * {@code rma.sla_due_soon}, audited), once per RMA and SLA date; called by the deadline task.
     * The flag itself ({@code sla_due_soon}) is derived whenever an RMA is read.
     */
    @Transactional
    public void noticeSlaDueSoon(Caller.Automation system, UUID rmaId, LocalDate due) {
        sla.noticeDueSoon(system, rmaId, due);
    }

    /** How the policy that decided the RMA charges for a return label; empty when that cannot be told (sell none then). */
    public java.util.Optional<org.openrma.policy.LabelCharge> labelCharge(Rma rma) {
        return labels.labelCharge(rma);
    }

    /**
     * Records a bought return label on an authorized RMA: its tracking and, when the policy deducts
     * the label's actual cost, that cost on the claim, decided again ({@code actualCost} null: nothing to re-decide).
     */
    @Transactional
    public Rma recordReturnLabel(Caller caller, UUID rmaId, String tracking, java.math.BigDecimal actualCost,
                                 java.util.Map<String, Object> detail) {
        return labels.record(caller, rmaId, tracking, actualCost, detail);
    }
}
