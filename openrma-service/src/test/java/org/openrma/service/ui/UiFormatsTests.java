package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Money and dates in each language of the pages: the currency's symbol where the language puts it, its separators,
 * the currency's minor digits, and times in the merchant's zone with the zone named. (U+00A0 and U+202F are the
 * no-break spaces CLDR puts between amount and symbol and between groups.)
 */
class UiFormatsTests {

    private static final UiFormats EN = new UiFormats(Locale.ENGLISH);
    private static final UiFormats DE = new UiFormats(Locale.GERMAN);
    private static final UiFormats FR = new UiFormats(Locale.FRENCH);

    @Test
    void moneyInEnglishPutsTheSymbolFirstWithCommaGroups() {
        assertThat(EN.money("1124.00", "USD")).isEqualTo("$1,124.00");
        assertThat(EN.money("189", "EUR")).isEqualTo("€189.00");
    }

    @Test
    void moneyInGermanPutsTheSymbolAfterWithPointGroupsAndDecimalComma() {
        assertThat(DE.money("1124.00", "EUR")).isEqualTo("1.124,00\u00a0€");
        assertThat(DE.money(Money.of(CurrencyUnit.USD, 189), null)).isEqualTo("");
        assertThat(DE.money(Money.of(CurrencyUnit.USD, 189))).isEqualTo("189,00\u00a0$");
    }

    @Test
    void moneyInFrenchNamesTheDollarAsUsDollars() {
        assertThat(FR.money("189.00", "USD")).isEqualTo("189,00\u00a0$US");
        assertThat(FR.money("1124.5", "EUR")).isEqualTo("1\u202f124,50\u00a0€");
    }

    @Test
    void moneyShowsTheCurrencysMinorDigitsAndNeverRoundsAwayAPrecision() {
        assertThat(EN.money("1500", "JPY")).isEqualTo("¥1,500");
        assertThat(EN.money("7.475", "USD")).isEqualTo("$7.475");
        assertThat(EN.money(null, "USD")).isEmpty();
        assertThat(EN.money("", "USD")).isEmpty();
    }

    @Test
    void datesInEachLanguagesMediumStyle() {
        LocalDate day = LocalDate.of(2026, 12, 16);
        assertThat(EN.date(day)).isEqualTo("Dec 16, 2026");
        assertThat(DE.date(day)).isEqualTo("16.12.2026");
        assertThat(FR.date(day)).isEqualTo("16 déc. 2026");
        assertThat(DE.date("2026-12-16")).as("an ISO day as text").isEqualTo("16.12.2026");
        assertThat(DE.date("2026-12-16T08:00:00Z")).as("an instant as written: its day").isEqualTo("16.12.2026");
        assertThat(DE.date("soon")).as("text that is no date stays as it is").isEqualTo("soon");
    }

    @Test
    void timesAreInTheMerchantsZoneWithTheZoneNamed() {
        Instant at = Instant.parse("2026-12-03T16:36:00Z");
        assertThat(DE.dateTime(at, ZoneId.of("Europe/Berlin"))).isEqualTo("03.12.2026, 17:36 MEZ");
        assertThat(FR.dateTime(at, ZoneId.of("Europe/Paris"))).isEqualTo("3 déc. 2026 17:36 CET");
        assertThat(EN.dateTime(at, ZoneId.of("America/New_York"))).isEqualTo("Dec 3, 2026, 11:36\u202fAM EST");
    }
}
