package org.openrma.decision;

import java.util.List;
import java.util.Map;
import org.joda.money.Money;

/**
 * What consumer law added to a merchant's decision: the statutory packs that applied, every
 * statutory route considered, which one is recommended, the legal basis of each resolution offered
 * and each merchant rule the statute displaced.
 *
 * @param packs the packs composed with the merchant's policy, as {@code policy@version}
 * @param country the consumer's country that selected them
 * @param routes every statutory program that serves this claim, with its answer
 * @param recommended the basis of the route best for the consumer (higher refund, then lower costs, then earlier money)
 * @param legalBasis for each resolution offered, what grants it ({@code merchant:S0-01}, {@code statute:DE:§ 312g BGB})
 * @param overrides each merchant rule the statute displaced, with its effect
 */
public record LegalAssessment(
        List<String> packs,
        String country,
        List<Route> routes,
        String recommended,
        Map<Resolution, List<String>> legalBasis,
        List<Override> overrides) {

    public LegalAssessment {
        packs = List.copyOf(packs);
        routes = List.copyOf(routes);
        legalBasis = Map.copyOf(legalBasis);
        overrides = List.copyOf(overrides);
    }

    /**
     * One statutory program's answer.
     *
     * @param basis {@code statute:<country>:<national provision>}
     * @param program the pack's program id
     * @param title the right in plain words (the program's title)
     * @param refund the money back under this route, zero when it offers none
     */
    public record Route(String basis, String program, String title, Outcome outcome, Money refund, String says) {}

    /**
     * A merchant rule the statute displaced.
     *
     * @param rule the merchant's rule and clause ({@code merchant:S0-11 restocking_fee})
     * @param provision the statutory basis that displaced it
     * @param before what the merchant's rule gave
     * @param after what the consumer gets instead
     */
    public record Override(String rule, String provision, String before, String after) {}
}
