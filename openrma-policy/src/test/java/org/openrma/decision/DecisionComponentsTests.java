package org.openrma.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A decision keeps what cannot change as it is handed over, and an immutable copy of anything else. */
class DecisionComponentsTests {

    private static final Money ZERO = Money.zero(CurrencyUnit.EUR);

    private static Decision decision(Set<Resolution> resolutions, Map<DeductionKind, Money> deductions, List<String> missing,
            List<ProgramVerdict> programs) {
        return new Decision(Outcome.APPROVED, "returns", resolutions, Chooser.CUSTOMER, false, ZERO, deductions, Payer.CUSTOMER, ZERO, null,
                missing, Map.of(), null, programs, List.of(), List.of(), "", List.of());
    }

    @Test
    void keepsTheImmutableCollectionsItIsGivenAsTheyAre() {
        Set<Resolution> one = Set.of(Resolution.REFUND);
        Set<Resolution> three = Set.of(Resolution.REFUND, Resolution.EXCHANGE, Resolution.REPLACEMENT);
        Map<DeductionKind, Money> fee = Map.of(DeductionKind.RESTOCKING_FEE, Money.of(CurrencyUnit.EUR, 4));
        List<String> missing = List.of("photo", "receipt");
        List<ProgramVerdict> none = List.of();

        Decision d = decision(one, fee, missing, none);
        assertThat(d.resolutions()).isSameAs(one);
        assertThat(d.deductions()).isSameAs(fee);
        assertThat(d.missingEvidence()).isSameAs(missing);
        assertThat(d.programs()).isSameAs(none);
        assertThat(decision(three, Map.of(), List.of(), List.of()).resolutions()).isSameAs(three);
    }

    @Test
    void copiesWhatItsGiverCouldStillChange() {
        Set<Resolution> resolutions = EnumSet.of(Resolution.REFUND);
        Map<DeductionKind, Money> deductions = new EnumMap<>(DeductionKind.class);
        deductions.put(DeductionKind.RESTOCKING_FEE, Money.of(CurrencyUnit.EUR, 4));
        List<String> missing = new ArrayList<>(List.of("photo"));

        Decision d = decision(resolutions, deductions, missing, List.of());
        resolutions.add(Resolution.EXCHANGE);
        deductions.clear();
        missing.add("receipt");

        assertThat(d.resolutions()).containsExactly(Resolution.REFUND);
        assertThat(d.deductions()).containsOnlyKeys(DeductionKind.RESTOCKING_FEE);
        assertThat(d.missingEvidence()).containsExactly("photo");
    }

    @Test
    void refusesANullInAListAStreamMadeAsListOfDoes() {
        List<String> fromAStream = Arrays.asList("photo", null, "receipt").stream().toList();

        assertThatNullPointerException().isThrownBy(() -> decision(Set.of(), Map.of(), fromAStream, List.of()));
    }
}
