package org.openrma.calendar;

/** Units a policy counts time in. */
public enum TimeUnit {
    HOURS("hours"),
    DAYS("days"),
    BUSINESS_DAYS("business days"),
    MONTHS("months"),
    YEARS("years"),
    UNLIMITED("");

    private final String word;

    TimeUnit(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
