package org.openrma.calendar;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time as a policy states it: "7 days", "3 hours", "14 business days", "12 months",
 * "2 years", a range such as "3-5 business days" (both ends kept), or "unlimited".
 */
public record Length(int atLeast, int atMost, TimeUnit unit) {

    public static final Length UNLIMITED = new Length(0, 0, TimeUnit.UNLIMITED);

    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,5})(?:\\s*(?:-|–|to)\\s*(\\d{1,5}))?\\s+(hours?|days?|calendar days?|business days?|weeks?|months?|years?)");

    public Length {
        if (atLeast < 0 || atMost < atLeast) {
            throw new IllegalArgumentException("a length runs from a smaller to a larger number");
        }
    }

    public static Length of(int amount, TimeUnit unit) {
        return new Length(amount, amount, unit);
    }

    /** Parses the policy form; empty when the text is not a length. */
    public static Optional<Length> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited")) {
            return Optional.of(UNLIMITED);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int low = Integer.parseInt(m.group(1));
        int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
        if (high < low) {
            return Optional.empty();
        }
        String unit = m.group(3);
        TimeUnit u;
        if (unit.startsWith("hour")) {
            u = TimeUnit.HOURS;
        } else if (unit.startsWith("business")) {
            u = TimeUnit.BUSINESS_DAYS;
        } else if (unit.startsWith("week")) {
            return Optional.of(new Length(low * 7, high * 7, TimeUnit.DAYS));
        } else if (unit.startsWith("month")) {
            u = TimeUnit.MONTHS;
        } else if (unit.startsWith("year")) {
            u = TimeUnit.YEARS;
        } else {
            u = TimeUnit.DAYS;
        }
        return Optional.of(new Length(low, high, u));
    }

    public boolean isUnlimited() {
        return unit == TimeUnit.UNLIMITED;
    }

    public boolean isRange() {
        return atLeast != atMost;
    }

    /** The same unit at the lower end of a range. */
    public Length lowerEnd() {
        return new Length(atLeast, atLeast, unit);
    }

    @Override
    public String toString() {
        if (isUnlimited()) {
            return "unlimited";
        }
        return (isRange() ? atLeast + "-" + atMost : String.valueOf(atMost)) + " " + unit.word();
    }
}
