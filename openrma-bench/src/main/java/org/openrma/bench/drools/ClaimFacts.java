package org.openrma.bench.drools;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.openrma.claim.Channel;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.OrderLine;
import org.openrma.claim.Reason;
import org.openrma.claim.RequestLine;

/**
 * A claim as a JavaBean the DRL rules can match on (Drools reads bean properties, not record
 * accessors). Dates are the UTC dates the policies count in. Built for every decision, so its cost
 * is part of what the Drools benchmark measures. Returns and warranty claims must name one line.
 */
public final class ClaimFacts {

    private final ClaimKind kind;
    private final Reason reason;
    private final Channel channel;
    private final DeliveryStatus deliveryStatus;
    private final ItemCondition condition;
    private final Finding finding;
    private final String protectionPlan;
    private final Set<Fact> facts;
    private final Set<Evidence> evidence;
    private final LocalDate deliveredOn;
    private final LocalDate submittedOn;
    private final long priceCents;
    private final long merchandiseCents;
    private final long shippingCents;

    public ClaimFacts(Claim c) {
        var q = c.request();
        var o = c.order();
        this.kind = q.kind();
        this.reason = q.reason();
        this.channel = o.channel();
        this.deliveryStatus = o.deliveryStatus();
        this.finding = q.inspection() == null ? null : q.inspection().finding();
        this.protectionPlan = q.protectionPlan();
        this.facts = q.facts();
        this.evidence = q.evidence();
        this.deliveredOn = o.deliveredAt() == null ? null : LocalDate.ofInstant(o.deliveredAt(), ZoneOffset.UTC);
        this.submittedOn = LocalDate.ofInstant(q.submittedAt(), ZoneOffset.UTC);
        long total = 0;
        for (OrderLine l : o.lines()) {
            total += l.unitPrice().getAmountMinorLong() * l.quantity();
        }
        this.merchandiseCents = total;
        this.shippingCents = o.shipping().amount().getAmountMinorLong();
        if (q.lines().isEmpty()) {
            this.condition = null;
            this.priceCents = total;
        } else if (q.lines().size() == 1) {
            RequestLine r = q.lines().getFirst();
            this.condition = r.condition();
            OrderLine sold = o.line(r.sku()).orElseThrow();
            this.priceCents = sold.unitPrice().getAmountMinorLong() * r.quantity();
        } else {
            throw new IllegalArgumentException("the DRL versions decide claims about one line or the whole order");
        }
    }

    public ClaimKind getKind() { return kind; }
    public Reason getReason() { return reason; }
    public Channel getChannel() { return channel; }
    public DeliveryStatus getDeliveryStatus() { return deliveryStatus; }
    public ItemCondition getCondition() { return condition; }
    public Finding getFinding() { return finding; }
    public String getProtectionPlan() { return protectionPlan; }
    public Set<Fact> getFacts() { return facts; }
    public Set<Evidence> getEvidence() { return evidence; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public long getPriceCents() { return priceCents; }
    public long getMerchandiseCents() { return merchandiseCents; }
    public long getShippingCents() { return shippingCents; }
}
