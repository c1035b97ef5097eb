package org.openrma.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown words are answered with the known word a typo away, and nothing when no known word is close. */
class SuggestionsTests {

    @Test
    void suggestsTheKnownWordOneOrTwoEditsAway() {
        assertThat(Suggestions.didYouMean("restoking_fee", List.of("restocking_fee", "handling"))).isEqualTo(" (did you mean 'restocking_fee'?)");
        assertThat(Suggestions.nearest("refnud", List.of("refund", "repair"))).isEqualTo("refund");
    }

    @Test
    void suggestsNothingForAWordThreeEditsAwayOrAlreadyKnown() {
        assertThat(Suggestions.didYouMean("xyz", List.of("refund"))).isEmpty();
        assertThat(Suggestions.nearest("refund", List.of("refund"))).isNull();
        assertThat(Suggestions.nearest(null, List.of("refund"))).isNull();
    }
}
