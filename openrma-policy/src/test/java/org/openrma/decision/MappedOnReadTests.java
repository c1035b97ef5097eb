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
}
