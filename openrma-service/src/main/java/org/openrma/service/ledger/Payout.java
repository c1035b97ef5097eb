package org.openrma.service.ledger;

import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Resolution;
import tools.jackson.databind.JsonNode;

/**
 * One ledger entry to record for an RMA: its kind, the resolution it carries out, the amount with
 * the deductions taken from it, the claimed lines it is allocated to (empty: the whole order, no
 * units), whether it takes those units back, and any detail kept with it (an exchange's prices).
 */
public record Payout(LedgerKind kind, Resolution resolution, Money amount, Map<DeductionKind, Money> deductions,
                     List<RefundLedger.Claimed> lines, boolean takesUnitsBack, JsonNode detail) {

    public Payout {
        deductions = Map.copyOf(deductions);
        lines = List.copyOf(lines);
    }

    /** Money back for items returned: their units go back. */
    public static Payout refund(Resolution resolution, Money amount, Map<DeductionKind, Money> deductions, List<RefundLedger.Claimed> lines) {
        return new Payout(LedgerKind.REFUND, resolution, amount, deductions, lines, true, null);
    }

    /** Money back while the customer keeps the item: value is given back, no units are taken back. */
    public static Payout partialRefund(Money amount, Map<DeductionKind, Money> deductions, List<RefundLedger.Claimed> lines) {
        return new Payout(LedgerKind.REFUND, Resolution.PARTIAL_REFUND, amount, deductions, lines, false, null);
    }

    public static Payout storeCredit(Money amount, Map<DeductionKind, Money> deductions, List<RefundLedger.Claimed> lines) {
        return new Payout(LedgerKind.STORE_CREDIT, Resolution.STORE_CREDIT, amount, deductions, lines, true, null);
    }

    /** The claimed lines go back; {@code paidBack} is the price difference owed to the customer (zero when even or charged). */
    public static Payout exchange(Money paidBack, List<RefundLedger.Claimed> lines, JsonNode detail) {
        return new Payout(LedgerKind.EXCHANGE, Resolution.EXCHANGE, paidBack, Map.of(), lines, true, detail);
    }

    /** The price difference the customer pays on top for a dearer exchange item. */
    public static Payout exchangeCharge(Money charged, JsonNode detail) {
        return new Payout(LedgerKind.EXCHANGE_CHARGE, Resolution.EXCHANGE, charged, Map.of(), List.of(), false, detail);
    }
}
