package org.openrma.claim;

import org.joda.money.Money;

/** One order line as the claim concerns it: the line sold and the quantity and condition claimed. */
public record ClaimedLine(OrderLine line, RequestLine requested) {

    /** Price paid for the claimed quantity. */
    public Money price() {
        return line.unitPrice().multipliedBy(requested.quantity());
    }
}
