package org.openrma.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.joda.money.BigMoney;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RoundingTests {

    private static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    @Test
    void roundsTwentyPercentOf57_99HalfUpTo11_60() {
        // 20% x 57.99 = 11.598
        assertThat(Rounding.HALF_UP.percentOf(usd("57.99"), new BigDecimal("20"))).isEqualTo(usd("11.60"));
    }

    @Test
    void roundsAnExactHalfCentUpOrToEvenAsThePolicySays() {
        // 10% x 10.05 = 1.005
        assertThat(Rounding.HALF_UP.percentOf(usd("10.05"), BigDecimal.TEN)).isEqualTo(usd("1.01"));
        assertThat(Rounding.HALF_EVEN.percentOf(usd("10.05"), BigDecimal.TEN)).isEqualTo(usd("1.00"));
        assertThat(Rounding.DOWN.percentOf(usd("10.05"), BigDecimal.TEN)).isEqualTo(usd("1.00"));
        // 10% x 10.15 = 1.015: half-even goes to the even cent, 1.02
        assertThat(Rounding.HALF_EVEN.percentOf(usd("10.15"), BigDecimal.TEN)).isEqualTo(usd("1.02"));
    }

    @Test
    void roundsAnExactAmountToTheCurrencysMinorUnit() {
        assertThat(Rounding.HALF_UP.round(BigMoney.parse("USD 3.335"))).isEqualTo(usd("3.34"));
        assertThat(Rounding.HALF_EVEN.round(BigMoney.parse("USD 3.345"))).isEqualTo(usd("3.34"));
        assertThat(Rounding.HALF_UP.round(BigMoney.parse("JPY 1234.5"))).isEqualTo(Money.parse("JPY 1235"));
    }

    @Test
    void takesFractionalPercentages() {
        // 12.5% x 0.99 = 0.12375
        assertThat(Rounding.HALF_UP.percentOf(usd("0.99"), new BigDecimal("12.5"))).isEqualTo(usd("0.12"));
    }

    @Test
    void writesItsNameAsPolicyFilesDo() {
        assertThat(Rounding.HALF_EVEN.wire()).isEqualTo("half_even");
    }
}
