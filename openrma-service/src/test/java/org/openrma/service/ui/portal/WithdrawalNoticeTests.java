package org.openrma.service.ui.portal;

import org.openrma.service.ui.ProductModel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The model withdrawal form as the portal reads it and words it. */
class WithdrawalNoticeTests {

    private static final OrderModel ORDER = new OrderModel("W-1", "2025-03-03", "2025-03-10", "EUR", "115.98", List.of(
            new OrderModel.Line(0, "SERVO-1", "servo", "57.99", 2, 2, null, ProductModel.of("SERVO-1", null, null, null)),
            new OrderModel.Line(1, "CABLE-1", "cable", "4.00", 1, 0, "RMA-1 (authorized)", ProductModel.of("CABLE-1", null, null, null))));

    private static MultiValueMap<String, String> form(String... kv) {
        MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.add(kv[i], kv[i + 1]);
        }
        return f;
    }

    @Test
    void readsTheGoodsNameAddressAndCountryAndWordsTheNoticeAsTheModelFormDoes() {
        WithdrawalNotice n = WithdrawalNotice.read(form("pick_0", "1", "qty_0", "2", "name", "Lena Berger", "address", "Hauptstr. 1\r\n10115 Berlin",
                "country", "DE"), ORDER);

        assertThat(n.problems()).isEmpty();
        assertThat(n.country()).isEqualTo("DE");
        assertThat(n.text("Shop", "2025-03-03", "2025-03-10", "2025-03-22")).isEqualTo("""
                To Shop:
                I hereby give notice that I withdraw from my contract of sale of the following goods:
                - SERVO-1 × 2
                Ordered on 2025-03-03 / received on 2025-03-10
                Name of consumer: Lena Berger
                Address of consumer: Hauptstr. 1, 10115 Berlin
                Date: 2025-03-22""");
    }

    @Test
    void namesEveryMissingOrWrongFieldAtOnce() {
        WithdrawalNotice n = WithdrawalNotice.read(form("pick_1", "1", "country", "Germany"), ORDER);

        assertThat(n.problems()).containsOnlyKeys("qty_1", "name", "address", "country");
        assertThat(n.problems().get("qty_1")).contains("CABLE-1");
    }

    @Test
    void theProblemsAreSaidInThePagesLanguage() {
        WithdrawalNotice n = WithdrawalNotice.read(form("pick_1", "1", "country", "Germany"), ORDER);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.GERMAN);
        try {
            assertThat(n.problemsInWords(ORDER, DraftProblemsTests.messages())).containsExactly(
                    "Geben Sie für CABLE-1 eine Anzahl von 1 bis 0 ein.", "Geben Sie Ihren Namen ein.", "Geben Sie Ihre Anschrift ein.",
                    "Wählen Sie Ihr Wohnsitzland.");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void goodsNotYetReceivedAreSaidToBeSo() {
        WithdrawalNotice n = WithdrawalNotice.read(form("pick_0", "1", "name", "A", "address", "B"), ORDER);

        assertThat(n.text("Shop", "2025-03-03", null, "2025-03-05")).contains("Ordered on 2025-03-03 (not yet received)");
    }
}
