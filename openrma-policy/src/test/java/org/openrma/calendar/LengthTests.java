package org.openrma.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LengthTests {

    @Test
    void keepsBothEndsOfARange() {
        Length length = Length.parse("3-5 business days").orElseThrow();

        assertThat(length).isEqualTo(new Length(3, 5, TimeUnit.BUSINESS_DAYS));
        assertThat(length.isRange()).isTrue();
        assertThat(length.lowerEnd()).isEqualTo(Length.of(3, TimeUnit.BUSINESS_DAYS));
        assertThat(length).hasToString("3-5 business days");
    }

    @Test
    void readsEveryUnitAPolicyStates() {
        assertThat(Length.parse("7 days")).contains(Length.of(7, TimeUnit.DAYS));
        assertThat(Length.parse("1 day")).contains(Length.of(1, TimeUnit.DAYS));
        assertThat(Length.parse("30 calendar days")).contains(Length.of(30, TimeUnit.DAYS));
        assertThat(Length.parse("3 hours")).contains(Length.of(3, TimeUnit.HOURS));
        assertThat(Length.parse("12 months")).contains(Length.of(12, TimeUnit.MONTHS));
        assertThat(Length.parse("2 years")).contains(Length.of(2, TimeUnit.YEARS));
        assertThat(Length.parse("7 to 14 business days")).contains(new Length(7, 14, TimeUnit.BUSINESS_DAYS));
    }

    @Test
    void turnsWeeksIntoDays() {
        assertThat(Length.parse("2 weeks")).contains(Length.of(14, TimeUnit.DAYS));
    }

    @Test
    void readsUnlimited() {
        assertThat(Length.parse("Unlimited")).contains(Length.UNLIMITED);
        assertThat(Length.UNLIMITED.isUnlimited()).isTrue();
    }

    @Test
    void refusesTextThatIsNotALength() {
        assertThat(Length.parse("7 dayz")).isEmpty();
        assertThat(Length.parse("seven days")).isEmpty();
        assertThat(Length.parse("days")).isEmpty();
        assertThat(Length.parse("5-3 days")).isEmpty();
        assertThat(Length.parse("")).isEmpty();
    }
}
