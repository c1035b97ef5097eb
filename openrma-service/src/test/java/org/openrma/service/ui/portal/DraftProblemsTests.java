package org.openrma.service.ui.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.ui.ProductModel;
import org.openrma.service.ui.UiMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.LinkedMultiValueMap;

/** What is wrong with a request form is said in the page's language, with the item, the quantity ordered and the kind named. */
class DraftProblemsTests {

    private static final OrderModel ORDER = new OrderModel("W-1", "2025-03-03", "2025-03-10", "EUR", "309.00", List.of(
            new OrderModel.Line(0, "KGD-IPL-X1", "ipl_device", "189.00", 1, 1, null, ProductModel.of("KGD-IPL-X1", null, null, null)),
            new OrderModel.Line(1, "KGD-LED-MASK", "led_mask", "120.00", 2, 2, null, ProductModel.of("KGD-LED-MASK", null, null, null))));

    static UiMessages messages() {
        // as the service configures them (spring.messages.*)
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return new UiMessages(source);
    }

    private static Draft badForm() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("kind", "return");
        form.add("reason", "not_received");
        form.add("pick_1", "1");
        form.add("qty_1", "5");
        form.add("country", "Germany");
        return Draft.read(form, ORDER.skus(), ORDER.quantities());
    }

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theFormsProblemsAreSaidInGerman() {
        LocaleContextHolder.setLocale(Locale.GERMANY);

        assertThat(DraftProblems.inWords(badForm(), ORDER, messages())).containsExactlyInAnyOrder(
                "Wählen Sie einen Grund, der zu „Artikel zurücksenden“ passt.",
                "Geben Sie für KGD-LED-MASK eine Anzahl von 1 bis 2 ein.",
                "Wählen Sie den Zustand von KGD-LED-MASK.",
                "Wählen Sie Ihr Wohnsitzland.");
    }

    @Test
    void inEnglishTheyAreTheSentencesTheFormHasAlwaysShown() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Draft draft = badForm();

        assertThat(DraftProblems.inWords(draft, ORDER, messages())).containsExactlyElementsOf(draft.problems().values());
    }

    @Test
    void aProblemOfAFieldItDoesNotKnowKeepsTheFormsOwnWords() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        Draft draft = badForm();
        Draft withMore = draft.withProblem("something_new", "Something new is wrong.");

        assertThat(DraftProblems.inWords(withMore, ORDER, messages())).contains("Choisissez votre pays de résidence.", "Something new is wrong.");
    }
}
