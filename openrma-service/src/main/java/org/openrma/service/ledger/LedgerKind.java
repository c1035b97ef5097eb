package org.openrma.service.ledger;

import java.util.Locale;
import java.util.Optional;

/** The kinds of ledger entry. An RMA has at most one entry of each kind. */
public enum LedgerKind {
    /** Money back to the original payment method. */
    REFUND(true),
    /** Value given back as credit in the merchant's store. */
    STORE_CREDIT(true),
    /** An exchange; its amount is the price difference paid back to the customer (zero for a like-for-like swap). */
    EXCHANGE(true),
    /** What the customer pays on top when the exchanged item costs more. */
    EXCHANGE_CHARGE(false),
    /** Return postage reimbursed on a receipt. */
    SHIPPING_REIMBURSEMENT(false);

    /** Gives value back for the order's goods, and so counts against what was paid for its lines. */
    public final boolean givesValueBack;

    LedgerKind(boolean givesValueBack) {
        this.givesValueBack = givesValueBack;
    }

    /** The word stored in the {@code refund.kind} column and shown in the API. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LedgerKind> of(String wire) {
        for (LedgerKind k : values()) {
            if (k.wire().equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
