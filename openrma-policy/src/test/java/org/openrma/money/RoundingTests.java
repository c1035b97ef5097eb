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
    void aQuotientOfMinorUnitsRoundsAsTheExactAmountDoes() {
        // 7.00 shipping x 2 of 3 equal lines: 466.67 cents; an exact half: 1 x 5 / 2 = 2.5 cents; an exact quotient
        assertThat(Rounding.HALF_UP.divide(700 * 2, 3)).isEqualTo(467);
        assertThat(Rounding.DOWN.divide(700 * 2, 3)).isEqualTo(466);
        assertThat(Rounding.HALF_UP.divide(5, 2)).isEqualTo(3);
        assertThat(Rounding.HALF_EVEN.divide(5, 2)).isEqualTo(2);
        assertThat(Rounding.HALF_EVEN.divide(7, 2)).isEqualTo(4);
        assertThat(Rounding.DOWN.divide(5, 2)).isEqualTo(2);
        assertThat(Rounding.HALF_EVEN.divide(12, 4)).isEqualTo(3);
        // and on many quotients, near the largest a long holds too, what BigDecimal's exact division rounded once gives
        var random = new java.util.SplittableRandom(14);
        for (int i = 0; i < 200_000; i++) {
            long denominator = 1 + random.nextLong(i % 2 == 0 ? 1_000 : Long.MAX_VALUE);
            long numerator = 1 + random.nextLong(i % 3 == 0 ? 10_000 : Long.MAX_VALUE);
            for (Rounding r : Rounding.values()) {
                long exact = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, java.math.RoundingMode.valueOf(r.name())).longValueExact();
                assertThat(r.divide(numerator, denominator)).as("%s %d / %d", r, numerator, denominator).isEqualTo(exact);
            }
        }
    }

    @Test
    void writesItsNameAsPolicyFilesDo() {
        assertThat(Rounding.HALF_EVEN.wire()).isEqualTo("half_even");
    }
}
