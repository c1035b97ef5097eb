package org.openrma.service.ui.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The request form offers, and accepts, only the reasons that fit the kind of request chosen. */
class DraftReasonsTests {

    @Test
    void aReturnOrWarrantyOffersNoReasonThatIsAKindOfRequestOfItsOwn() {
        assertThat(Draft.reasonsFor("return")).containsKeys("changed_mind", "defective", "damaged_in_transit")
                .doesNotContainKeys("not_received", "missing_items");
        assertThat(Draft.reasonsFor("warranty")).doesNotContainKeys("not_received", "missing_items");
    }

    @Test
    void aParcelThatHasNotArrivedHasThatReasonAlone() {
        assertThat(Draft.reasonsFor("not_received")).containsOnlyKeys("not_received");
        assertThat(Draft.reasonsFor("missing_items")).containsOnlyKeys("missing_items");
    }

    @Test
    void cancellingOrChangingTheOrderOffersNoReasonAboutTheStateOfAnItem() {
        assertThat(Draft.reasonsFor("cancellation")).containsOnlyKeys("changed_mind", "ordered_wrong_item");
        assertThat(Draft.reasonsFor("amendment")).containsOnlyKeys("changed_mind", "ordered_wrong_item");
    }

    @Test
    void aReasonThatDoesNotFitTheKindIsRefusedOnTheReasonField() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("kind", "return");
        form.add("reason", "not_received");
        form.add("pick_0", "1");
        form.add("cond_0", "used");

        Draft draft = Draft.read(form, List.of("SKU-1"), List.of(1));

        assertThat(draft.problems()).containsOnlyKeys("reason");
        assertThat(draft.problems().get("reason")).isEqualTo("Choose a reason that fits \"Return an item\".");
    }
}
