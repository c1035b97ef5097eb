package org.openrma.claim;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Amounts incurred on a claim: the customer's return postage (their receipt), carrier charges for
 * a refused or returned-to-sender parcel, customs on the way back, and handling.
 */
public record Costs(Money returnShipping, Money returnLogistics, Money customs, Money handling) {

    public static Costs none(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new Costs(zero, zero, zero, zero);
    }
}
