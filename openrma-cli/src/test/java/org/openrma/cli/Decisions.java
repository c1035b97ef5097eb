package org.openrma.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Evidence;
import org.openrma.decision.Chooser;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;

/**
 * Hand-built decisions for tests that must not depend on the engine. The default is an approved
 * return: refund USD 46.39 after an 11.60 restocking fee, customer pays the return leg.
 */
public final class Decisions {

    public Outcome outcome = Outcome.APPROVED;
    public Set<Resolution> resolutions = EnumSet.of(Resolution.REFUND);
    public Money refund = usd("46.39");
    public Map<DeductionKind, Money> deductions = new EnumMap<>(Map.of(DeductionKind.RESTOCKING_FEE, usd("11.60")));
    public Payer returnShippingPaidBy = Payer.CUSTOMER;
    public Money returnShippingReimbursed = usd("0.00");
    public List<String> missingEvidence = new ArrayList<>();
    public Map<String, LocalDate> deadlines = new LinkedHashMap<>(Map.of("claim_window_ends", LocalDate.parse("2025-03-17")));
    public List<ExplanationStep> explanation = new ArrayList<>(List.of(
            new ExplanationStep("return", "window", null, StepResult.PASSED,
                    Map.of("days_since_delivery", "7", "window_days", "7"),
                    "The return was asked for on day 7 of 7.",
                    List.of(new Citation("R1", "We allow returns within 7 days of delivery."))),
            new ExplanationStep("return", "restocking_fee", "SERVO-20", StepResult.APPLIED,
                    Map.of("reason", "ordered_wrong_item", "line_price", "57.99"),
                    "A 20% restocking fee of 11.60 applies.",
                    List.of(new Citation("R2", "A 20% Restocking Fee will apply on returns if the customer ordered the wrong item.")))));

    public static Decisions approvedReturn() {
        return new Decisions();
    }

    public static Money usd(String amount) {
        return Money.of(CurrencyUnit.USD, new java.math.BigDecimal(amount));
    }

    public Decision build() {
        return new Decision(outcome, "return", resolutions, Chooser.CUSTOMER, false, refund, deductions, returnShippingPaidBy,
                returnShippingReimbursed, Payer.MERCHANT, missingEvidence, deadlines,
                new PolicyVersionRef("example-shop", "2025-01", LocalDate.parse("2025-01-01"), "abc123"),
                List.of(new ProgramVerdict("return", "Returns within 7 days", outcome, "Returned in time."),
                        new ProgramVerdict("warranty", "Manufacturer's warranty", null, "Serves warranty claims only.")),
                List.of(), explanation, "Approved: refund of USD 46.39.");
    }
}
