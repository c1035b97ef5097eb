package org.openrma.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A merchant's calendar: the time zone its dates are read in, and the public holidays of a
 * jollyday region (such as {@code US}, {@code DE}, {@code GB}) that are not business days.
 *
 * <p>Conventions (shared with the conformance scenarios): "within N days of X" counts the date of
 * X in this zone as day 0 and includes day N; "N business days" after X is the Nth Monday-to-Friday
 * non-holiday after the date of X; months and years land on the same day of the month, or the
 * month's last day when it is shorter (a year from Feb 29 ends Feb 28).
 */
public final class BusinessCalendar {

    private static final ConcurrentHashMap<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    private final ZoneId zone;
    private final String holidayRegion;
    private final HolidayManager holidays;
    /** The region's subdivisions ({@code by} of {@code DE-BY}), split once instead of on every day counted. */
    private final String[] subdivisions;
    /** The zone's offset in seconds when it never changes (UTC, fixed offsets): dates are then plain epoch-day arithmetic. */
    private final Integer fixedOffset;

    private BusinessCalendar(ZoneId zone, String holidayRegion, HolidayManager holidays) {
        this.zone = zone;
        this.holidayRegion = holidayRegion;
        this.holidays = holidays;
        if (holidayRegion != null) {
            String[] parts = holidayRegion.toLowerCase(Locale.ROOT).split("-");
            this.subdivisions = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        } else {
            this.subdivisions = new String[0];
        }
        var rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : null;
    }

    /** Weekends only. */
    public static BusinessCalendar weekendsOnly(ZoneId zone) {
        return new BusinessCalendar(zone, null, null);
    }

    /**
     * A calendar with a jollyday region: a country code, optionally followed by subdivisions
     * ({@code US}, {@code DE-BY}, {@code US-CA}).
     */
    public static BusinessCalendar withHolidays(ZoneId zone, String region) {
        String[] parts = region.toLowerCase(Locale.ROOT).split("-");
        HolidayManager manager = MANAGERS.computeIfAbsent(parts[0], country -> HolidayManager.getInstance(ManagerParameters.create(country)));
        return new BusinessCalendar(zone, region, manager);
    }

    /** Whether jollyday knows the region's country. */
    public static boolean knowsRegion(String region) {
        try {
            withHolidays(ZoneId.of("UTC"), region).isBusinessDay(LocalDate.of(2025, 1, 2));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dateOf(Instant instant) {
        if (fixedOffset != null) {
            return LocalDate.ofEpochDay(epochDayAtFixedOffset(instant));
        }
        return instant.atZone(zone).toLocalDate();
    }

    /** The instant's date as an epoch day, in a zone whose offset never changes ({@code fixedOffset} set). */
    private long epochDayAtFixedOffset(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() + fixedOffset, SECONDS_PER_DAY);
    }

    private static final long SECONDS_PER_DAY = 86_400;

    public boolean isBusinessDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (holidays == null) {
            return true;
        }
        return !holidays.isHoliday(date, subdivisions);
    }

    public LocalDate plusBusinessDays(LocalDate start, int days) {
        if (holidays == null) {
            return days <= 0 ? start : plusWeekdays(start, days);
        }
        return plusBusinessDaysByDate(start, days);
    }

    /** Weekends only: counted on the epoch day (1970-01-01 was a Thursday), one LocalDate for the answer rather than one per day. */
    private static LocalDate plusWeekdays(LocalDate start, int days) {
        long day = start.toEpochDay();
        int counted = 0;
        while (counted < days) {
            day++;
            if (Math.floorMod(day + 3, 7) < 5) {                          // 0 Monday ... 4 Friday, as LocalDate.getDayOfWeek
                counted++;
            }
        }
        return LocalDate.ofEpochDay(day);
    }

    /** Day by day with the holidays (and what {@link #plusBusinessDays} must agree with on a calendar without them). */
    LocalDate plusBusinessDaysByDate(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The last date inside a window of the given length opened on {@code start}'s date. Hours are
     * not date-based: use {@link #endInstant} for them.
     */
    public LocalDate lastDay(Instant start, int amount, TimeUnit unit) {
        LocalDate day0 = dateOf(start);
        return switch (unit) {
            case DAYS -> day0.plusDays(amount);
            case BUSINESS_DAYS -> plusBusinessDays(day0, amount);
            case MONTHS -> day0.plusMonths(amount);
            case YEARS -> day0.plusYears(amount);
            case HOURS -> dateOf(start.plusSeconds(3600L * amount));
            case UNLIMITED -> LocalDate.MAX;
        };
    }

    /** The instant a window closes under a counting convention: exactly N hours later, or the end of its last day. */
    public Instant endInstant(Instant start, int amount, TimeUnit unit, Counting counting) {
        if (unit == TimeUnit.HOURS || unit == TimeUnit.UNLIMITED) {
            return endInstant(start, amount, unit);
        }
        return endOfDay(lastDay(start, amount, unit, counting));
    }

    public LocalDate lastDay(Instant start, int amount, TimeUnit unit, Counting counting) {
        if (unit == TimeUnit.HOURS || unit == TimeUnit.UNLIMITED) {
            return lastDay(start, amount, unit);
        }
        if (unit == TimeUnit.DAYS && fixedOffset != null) {
            return LocalDate.ofEpochDay(lastEpochDayAtFixedOffset(start, amount, counting));
        }
        return counting.lastDay(this, dateOf(start), amount, unit);
    }

    /**
     * {@link #lastDay(Instant, int, TimeUnit, Counting)} as an epoch day, for a window counted in days, months or years: the
     * usual window (days, in a fixed-offset zone such as UTC) on epoch days with no date made.
     */
    public long lastEpochDay(Instant start, int amount, TimeUnit unit, Counting counting) {
        if (unit == TimeUnit.DAYS && fixedOffset != null) {
            return lastEpochDayAtFixedOffset(start, amount, counting);
        }
        return lastDay(start, amount, unit, counting).toEpochDay();
    }

    /** The usual window counted on epoch days: the date Counting.lastDay gives, made once rather than three times. */
    private long lastEpochDayAtFixedOffset(Instant start, int amount, Counting counting) {
        return epochDayAtFixedOffset(start) + amount - (counting.eventDay() == Counting.EventDay.DAY_1 && amount > 0 ? 1 : 0);
    }

    /**
     * The last instant of an epoch day in this zone, as {@link #endOfDay}: in seconds, with {@link #END_OF_DAY_NANOS} to
     * go with them.
     */
    public long endOfDayEpochSecond(long epochDay) {
        if (fixedOffset != null) {
            return (epochDay + 1) * SECONDS_PER_DAY - fixedOffset - 1;
        }
        return endOfDay(LocalDate.ofEpochDay(epochDay)).getEpochSecond();
    }

    /** The nanoseconds of the last instant of any day: a day ends one nanosecond before the next starts. */
    public static final int END_OF_DAY_NANOS = 999_999_999;

    /** The instant a window closes: exactly N hours later, or the end of its last day in this zone. */
    public Instant endInstant(Instant start, int amount, TimeUnit unit) {
        if (unit == TimeUnit.HOURS) {
            return start.plusSeconds(3600L * amount);
        }
        if (unit == TimeUnit.UNLIMITED) {
            return Instant.MAX;
        }
        return endOfDay(lastDay(start, amount, unit));
    }

    /**
     * The first instant of a date in this zone: {@code dateOf(i)} is that date or later exactly when {@code i} is not before
     * it (where a transition skips midnight, the day starts when the gap ends).
     */
    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The last instant of a date in this zone (windows include their last day). */
    public Instant endOfDay(LocalDate date) {
        if (fixedOffset != null && date.isBefore(LocalDate.MAX)) {
            // one nanosecond before the next day starts, in one Instant (the same as ofEpochSecond(next).minusNanos(1))
            return Instant.ofEpochSecond((date.toEpochDay() + 1) * SECONDS_PER_DAY - fixedOffset, -1);
        }
        return date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
