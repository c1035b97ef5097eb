package org.openrma.decision;

import java.math.BigDecimal;
import org.joda.money.Money;

/**
 * What an offered resolution is worth: a refund's amount, store credit with its bonus, the value an
 * exchange may use, or the ceiling of a partial refund whose amount a person sets.
 *
 * @param value the amount, or null for a remedy that moves goods, not money (a repair, a replacement)
 * @param bonusPercent the policy's bonus on this remedy (store credit worth 110%), or null
 * @param setByAgent true when {@code value} is a maximum ("up to 50%") and an agent sets the amount
 */
public record Remedy(Resolution resolution, Money value, BigDecimal bonusPercent, boolean setByAgent) {}
