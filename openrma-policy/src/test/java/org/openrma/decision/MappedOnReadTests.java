package org.openrma.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A list made from another on read reads as the list of the made elements, cannot be changed, and makes nothing until read. */
class MappedOnReadTests {

    private static LineResult result(String sku) {
        return new LineResult(sku, 1, Outcome.APPROVED, Money.of(CurrencyUnit.EUR, 10), List.of());
    }

    @Test
    void readsAsTheListOfItsMadeElements() {
        List<String> skus = List.of("A-1", "B-2", "C-3");
        List<LineResult> expected = skus.stream().map(MappedOnReadTests::result).toList();

        List<LineResult> view = MappedOnRead.of(skus, MappedOnReadTests::result);

        assertThat(view).hasSize(3).containsExactlyElementsOf(expected);
        assertThat(view.get(1)).isEqualTo(expected.get(1));
        assertThat(view).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(view);
        assertThat(view.toString()).isEqualTo(expected.toString());
        assertThat(MappedOnRead.of(List.<String>of(), MappedOnReadTests::result)).isEmpty();
    }

    @Test
    void cannotBeChanged() {
        List<LineResult> view = MappedOnRead.of(List.of("A-1"), MappedOnReadTests::result);

        assertThatThrownBy(() -> view.add(result("B-2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.set(0, result("B-2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDecisionKeepsItWithoutMakingItsElements() {
        AtomicInteger made = new AtomicInteger();
        List<String> skus = new ArrayList<>(List.of("A-1", "B-2"));
        List<LineResult> lines = MappedOnRead.of(skus, sku -> {
            made.incrementAndGet();
            return result(sku);
        });

        Decision d = Decision.withoutProgram(Outcome.REJECTED, Money.zero(CurrencyUnit.EUR), null, List.of(), lines, List.of(), "", List.of());

        assertThat(d.lines()).isSameAs(lines);
        assertThat(made).hasValue(0);
        assertThat(d.lines().get(0).sku()).isEqualTo("A-1");
        assertThat(made).hasValue(1);
    }

    @Test
    void aViewWithAContextMakesEachElementWithIt() {
        List<Resolution> offered = List.of(Resolution.REFUND, Resolution.STORE_CREDIT);
        Money net = Money.of(CurrencyUnit.EUR, 42);
        List<Remedy> expected = List.of(new Remedy(Resolution.REFUND, net, null, false), new Remedy(Resolution.STORE_CREDIT, net, null, false));

        List<Remedy> view = MappedOnRead.of(offered, net, (resolution, value) -> new Remedy(resolution, value, null, false));

        assertThat(view).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(view.get(1).value()).isEqualTo(net);
        assertThatThrownBy(() -> view.add(expected.getFirst())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDecisionKeepsItsRemediesViewWithoutMakingThem() {
        AtomicInteger made = new AtomicInteger();
        Money zero = Money.zero(CurrencyUnit.EUR);
        List<Remedy> remedies = MappedOnRead.of(List.of(Resolution.REFUND), zero, (resolution, value) -> {
            made.incrementAndGet();
            return new Remedy(resolution, value, null, false);
        });

        Decision d = new Decision(Outcome.APPROVED, "returns", java.util.Set.of(Resolution.REFUND), Chooser.CUSTOMER, false, zero,
                java.util.Map.of(), Payer.CUSTOMER, zero, null, List.of(), java.util.Map.of(), null, List.of(), List.of(), List.of(), "",
                remedies);

        assertThat(d.remedies()).isSameAs(remedies);
        assertThat(made).hasValue(0);
        assertThat(d.remedies().getFirst().resolution()).isEqualTo(Resolution.REFUND);
        assertThat(made).hasValue(1);
    }
}
