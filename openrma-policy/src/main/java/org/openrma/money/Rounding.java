package org.openrma.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.BigMoney;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;

/**
 * How a policy rounds a computed amount to the currency's minor unit. This is the one place where
 * fractions of a cent are resolved.
 */
public enum Rounding implements Vocabulary {
    HALF_UP(RoundingMode.HALF_UP),
    HALF_EVEN(RoundingMode.HALF_EVEN),
    DOWN(RoundingMode.DOWN);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }

    /** An exact amount rounded to the currency's minor unit. */
    public Money round(BigMoney exact) {
        return exact.toMoney(mode);
    }

    /**
     * {@code numerator / denominator}, both positive, rounded once to a whole number: a share of an amount in minor units
     * (shipping in proportion to the lines claimed) without a BigDecimal. The same result as the exact quotient rounded to the
     * minor unit, since the quotient of two longs is never closer to a rounding boundary than {@code 1 / denominator}.
     */
    public long divide(long numerator, long denominator) {
        long quotient = numerator / denominator;
        // the sign of (2 * remainder - denominator), without the overflow 2 * remainder could reach
        int half = Long.compare(numerator % denominator, denominator - numerator % denominator);
        return switch (this) {
            case DOWN -> quotient;
            case HALF_UP -> half >= 0 ? quotient + 1 : quotient;
            case HALF_EVEN -> half > 0 || (half == 0 && (quotient & 1) == 1) ? quotient + 1 : quotient;
        };
    }

    /** {@code percent}% of {@code base}, rounded once to the minor unit. */
    public Money percentOf(Money base, BigDecimal percent) {
        return base.multipliedBy(percent.divide(HUNDRED), mode);
    }
}
