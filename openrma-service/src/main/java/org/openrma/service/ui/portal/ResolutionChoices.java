package org.openrma.service.ui.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.decision.Resolution;
import org.openrma.service.catalogue.ProductCatalogue;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.rma.CustomerChoice;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.ui.UiMessages;
import org.openrma.service.ui.ProductModel;

/**
 * What the customer may choose when the policy offers more than a refund: a refund, store credit (worth what the engine
 * computed, with its bonus), or an exchange for another variant of the same product at the variant's price. The price
 * difference is what was paid for the item minus the variant's price for the same units, as an exchange is settled when the
 * agent resolves it (positive: paid back to the customer; negative: the customer pays it).
 */
public record ResolutionChoices(List<Option> options, List<Variant> variants, String currency, String chosen, String chosenVariant) {

    /** One resolution offered: its wire word, its value (null for an exchange) and the store credit's bonus (null without one). */
    public record Option(String resolution, String value, String bonusPercent) {}

    /**
     * A variant to exchange for: {@code price} for the units claimed, {@code difference} as a positive amount, and who it goes to:
     * {@code back} (the customer gets it), {@code pay} (the customer pays it) or {@code even}. {@code current}: the variant bought.
     */
    public record Variant(String sku, ProductModel product, String price, String difference, String direction, boolean inStock,
                          boolean current) {}

    /** The choices for a decision, or null when there is nothing to choose (a refusal, or a refund alone). */
    static ResolutionChoices of(DecisionModel decision, Draft draft, StoredOrder order, ProductCatalogue.Product product) {
        if (decision == null || decision.rejected()) {
            return null;
        }
        List<Option> options = new ArrayList<>();
        for (String r : Draft.CHOOSABLE) {
            decision.remedy(r).ifPresent(x -> options.add(new Option(r, r.equals("exchange") ? null : x.value(), x.bonusPercent())));
        }
        if (options.stream().allMatch(o -> o.resolution().equals("refund"))) {
            return null;
        }
        String currency = decision.currency();
        List<Variant> variants = options.stream().anyMatch(o -> o.resolution().equals("exchange"))
                ? variants(draft, order, product, currency) : List.of();
        String chosen = draft.resolution() != null && options.stream().anyMatch(o -> o.resolution().equals(draft.resolution()))
                ? draft.resolution() : null;
        return new ResolutionChoices(List.copyOf(options), variants, currency, chosen, "exchange".equals(chosen) ? draft.exchangeSku() : null);
    }

    /** The variants of the product of the one line claimed, priced for its units; none when the catalogue does not list it. */
    private static List<Variant> variants(Draft draft, StoredOrder order, ProductCatalogue.Product product, String currency) {
        if (product == null || draft.lines().size() != 1 || !product.currency().equals(currency)) {
            return List.of();
        }
        Draft.Line claimed = draft.lines().getFirst();
        Optional<StoredOrder.Line> line = order.line(claimed.sku());
        if (line.isEmpty()) {
            return List.of();
        }
        CurrencyUnit unit = CurrencyUnit.of(currency);
        Money paid = money(unit, line.get().unitPrice()).multipliedBy(claimed.quantity());
        List<Variant> out = new ArrayList<>();
        for (ProductCatalogue.Variant v : product.variants()) {
            Money price = money(unit, v.price()).multipliedBy(claimed.quantity());
            Money difference = paid.minus(price);
            out.add(new Variant(v.sku(), ProductModel.of(v.sku(), product.title(), v.title(), v.imageUrl()), price.getAmount().toPlainString(),
                    difference.abs().getAmount().toPlainString(), difference.isPositive() ? "back" : difference.isNegative() ? "pay" : "even",
                    v.inStock(), v.sku().equals(claimed.sku())));
        }
        return out;
    }

    private static Money money(CurrencyUnit unit, String amount) {
        return Money.of(unit, new BigDecimal(amount), java.math.RoundingMode.UNNECESSARY);
    }

    public boolean offers(String resolution) {
        return options.stream().anyMatch(o -> o.resolution().equals(resolution));
    }

    /** What is wrong with the customer's choice, or empty: a resolution must be chosen, and an in-stock variant for an exchange. */
    Optional<String> problem(Draft draft, UiMessages text) {
        if (draft.resolution() == null || !offers(draft.resolution())) {
            return Optional.of(text.get("portal.choice.choose-resolution", String.join(", ", options.stream()
                    .map(o -> text.orElse("common.resolution." + o.resolution(), DecisionModel.words(o.resolution()))).toList())));
        }
        if (draft.resolution().equals("exchange") && !variants.isEmpty() && variantChosen().isEmpty()) {
            return Optional.of(text.get("portal.choice.choose-variant"));
        }
        return Optional.empty();
    }

    private Optional<Variant> variantChosen() {
        return variants.stream().filter(v -> v.inStock() && v.sku().equals(chosenVariant)).findFirst();
    }

    /** The choice to store with the request; call once {@link #problem} found nothing. */
    CustomerChoice choice() {
        Resolution resolution = org.openrma.claim.Vocabulary.parse(Resolution.class, chosen).orElseThrow();
        return variantChosen().map(v -> new CustomerChoice(resolution, v.sku(), v.product().alt(), v.price(),
                        (v.direction().equals("pay") ? "-" : "") + v.difference(), currency))
                .orElse(CustomerChoice.of(resolution, currency));
    }
}
