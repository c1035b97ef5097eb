package org.openrma.policy;

/**
 * How a program charges the customer for a prepaid return label, read from its {@code return_label}
 * deductions. A service that buys a label needs to know this before it sells one: with
 * {@link #ACTUAL_COST} the deduction is {@code amount: costs.return_shipping}, so the label's price
 * must be put on the claim and the claim decided again; with {@link #POLICY_AMOUNT} the policy's own
 * amount (flat or a percentage) is deducted whatever the label cost.
 */
public enum LabelCharge {
    /** No {@code return_label} deduction: the label costs the customer nothing. */
    NONE,
    /** A {@code return_label} deduction with its own amount or percentage. */
    POLICY_AMOUNT,
    /** A {@code return_label} deduction of the label's actual cost ({@code amount: costs.return_shipping}). */
    ACTUAL_COST
}
