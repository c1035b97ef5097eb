package org.openrma.whatif.generate;

import java.util.SplittableRandom;

/**
 * How long after the delivery (or, for requests about an order still on its way, after placing
 * it) a customer files a request. Delays are skewed short with a long tail, so that windows of a
 * week, a month and one or two years all have claims on both sides of their last day.
 */
public enum DelayProfile {
    /** Returns: most within a couple of weeks, some in the following weeks, a few months later. */
    SHORT,
    /** Arrived broken: mostly the first days, some a little late. */
    FIRST_WEEK,
    /** Warranty: spread over the first two years and a bit beyond (up to ~800 days). */
    LONG,
    /** Cancellations and amendments: hours after the order, sometimes days. */
    BEFORE_DELIVERY,
    /** Parcel not received, refused: days to weeks after shipping. */
    OVERDUE,
    ;

    static final int LONGEST_DAYS = 800;

    public boolean needsDelivery() {
        return this == SHORT || this == FIRST_WEEK || this == LONG;
    }

    /** Whole days after the delivery date; day 0 is the delivery date itself. */
    public int days(SplittableRandom random) {
        double u = random.nextDouble();
        return switch (this) {
            case SHORT -> u < 0.80 ? exponential(random, 11, 60) : u < 0.95 ? random.nextInt(10, 61) : random.nextInt(61, LONGEST_DAYS + 1);
            case FIRST_WEEK -> u < 0.85 ? random.nextInt(0, 8) : random.nextInt(8, 46);
            case LONG -> u < 0.35 ? exponential(random, 25, LONGEST_DAYS) : random.nextInt(0, LONGEST_DAYS + 1);
            case BEFORE_DELIVERY, OVERDUE -> throw new IllegalStateException(this + " is not counted from delivery");
        };
    }

    /** Minutes after the order was placed (before delivery) or shipped (overdue). */
    public long minutes(SplittableRandom random) {
        return switch (this) {
            case BEFORE_DELIVERY -> random.nextDouble() < 0.75 ? 1 + exponential(random, 150, 60 * 24) : random.nextLong(60 * 24, 60 * 24 * 4);
            case OVERDUE -> random.nextLong(60 * 24 * 4, 60 * 24 * 45);
            default -> throw new IllegalStateException(this + " is counted in days from delivery");
        };
    }

    private static int exponential(SplittableRandom random, double mean, int max) {
        return (int) Math.min(max, Math.floor(-mean * Math.log(1 - random.nextDouble())));
    }
}
