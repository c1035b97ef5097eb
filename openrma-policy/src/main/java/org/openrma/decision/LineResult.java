package org.openrma.decision;

import java.util.List;
import org.joda.money.Money;

/** The decision for one claimed line under the chosen program. */
public record LineResult(String sku, int quantity, Outcome outcome, Money price, List<String> reasons) {

    public LineResult {
        reasons = List.copyOf(reasons);
    }
}
