package org.openrma.claim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * What consumer law needs to know about a claim beyond what a merchant's policy reads: who bought
 * (country, consumer or business), how the contract was made, when each parcel reached the buyer,
 * whether the withdrawal and return-cost information was given, when notice was sent, the remedy
 * the consumer chose and the amounts only an inspection can set. Every field may be missing; a rule
 * that needs a missing one sends the claim to review rather than guessing.
 *
 * @param country the buyer's country of habitual residence (ISO 3166 alpha-2, upper case)
 * @param consumer true for a natural person buying outside their trade; null when not stated
 * @param salesChannel distance, off-premises or in store; null when not stated
 * @param cheapestStandardDelivery the price of the cheapest standard delivery the shop offered at order time
 * @param shipments when each parcel of the order reached the buyer (null entries: not yet delivered)
 * @param withdrawalInfoGiven whether the withdrawal information was given before the contract
 * @param returnCostInfoGiven whether the buyer was told they bear the cost of returning the goods
 * @param infoGivenAt when the withdrawal information was given, if it was given late
 * @param noticeSentAt when the buyer sent notice (of withdrawal or of the defect), if before the claim's submission
 * @param chosenRemedy the remedy the consumer asked for under the statute (repair, replacement, refund, price_reduction)
 * @param repairAttempts how many repairs or replacements were already tried for this defect
 * @param failure for guarantees graded by seriousness: major or minor, when an agent or the inspection says so
 * @param diminishedValue by sku: the loss in value from handling beyond testing, as the inspection sets it
 * @param useDeduction by sku: the deduction for use an agent set, where the law allows one
 */
public record LegalFacts(
        String country,
        Boolean consumer,
        SalesChannel salesChannel,
        Money cheapestStandardDelivery,
        List<Shipment> shipments,
        Boolean withdrawalInfoGiven,
        Boolean returnCostInfoGiven,
        Instant infoGivenAt,
        Instant noticeSentAt,
        String chosenRemedy,
        Integer repairAttempts,
        String failure,
        Map<String, Money> diminishedValue,
        Map<String, Money> useDeduction) {

    public static final LegalFacts NONE = new LegalFacts(null, null, null, null, List.of(), null, null, null, null, null, null, null, Map.of(),
            Map.of());

    /** One parcel of the order: when it reached the buyer (null: not yet) and the skus in it (empty: not stated). */
    public record Shipment(Instant deliveredAt, List<String> skus) {
        public Shipment {
            skus = List.copyOf(skus);
        }
    }

    public LegalFacts {
        shipments = List.copyOf(shipments);
        diminishedValue = Map.copyOf(diminishedValue);
        useDeduction = Map.copyOf(useDeduction);
    }

    public Optional<String> countryCode() {
        return Optional.ofNullable(country);
    }

    /**
     * When the buyer had the last parcel in hand: the latest shipment delivered, or empty while one
     * is still on its way; without shipments, the order's own delivery.
     */
    public Optional<Instant> possessionOfLastGood(Order order) {
        if (shipments.isEmpty()) {
            return Optional.ofNullable(order.deliveredAt());
        }
        Instant last = null;
        for (Shipment s : shipments) {
            if (s.deliveredAt() == null) {
                return Optional.empty();
            }
            if (last == null || s.deliveredAt().isAfter(last)) {
                last = s.deliveredAt();
            }
        }
        return Optional.of(last);
    }
}
