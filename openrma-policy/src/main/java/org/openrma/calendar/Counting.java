package org.openrma.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * How a policy counts a window's days, stated in the file because merchants differ: whether the
 * event's own date is day 0 ("within 30 days of delivery": the delivery date plus 30) or day 1
 * ("the return period begins the day you receive your product": the delivery date plus 29); whether
 * a year is an anniversary or a count of 365 days; and where an anniversary of 29 February lands.
 */
public record Counting(EventDay eventDay, Years years, LeapDay leapDay) {

    public static final Counting DEFAULT = new Counting(EventDay.DAY_0, Years.ANNIVERSARY, LeapDay.FEB_28);

    public enum EventDay { DAY_0, DAY_1 }

    public enum Years { ANNIVERSARY, DAYS_365 }

    public enum LeapDay { FEB_28, MAR_1 }

    /** The last date inside a window of {@code amount} units that opens on {@code day0}. */
    public LocalDate lastDay(BusinessCalendar calendar, LocalDate day0, int amount, TimeUnit unit) {
        LocalDate end = switch (unit) {
            case DAYS -> day0.plusDays(amount);
            case BUSINESS_DAYS -> eventDay == EventDay.DAY_1 && calendar.isBusinessDay(day0) && amount > 0
                    ? calendar.plusBusinessDays(day0, amount - 1) : calendar.plusBusinessDays(day0, amount);
            case MONTHS -> day0.plusMonths(amount);
            case YEARS -> years == Years.DAYS_365 ? day0.plusDays(365L * amount) : anniversary(day0, amount);
            case HOURS, UNLIMITED -> throw new IllegalArgumentException(unit + " is not counted in days");
        };
        // day 1: the event's date is the first day of the period, so the period ends a day earlier
        return eventDay == EventDay.DAY_1 && unit != TimeUnit.BUSINESS_DAYS && amount > 0 ? end.minusDays(1) : end;
    }

    private LocalDate anniversary(LocalDate day0, int amount) {
        LocalDate end = day0.plusYears(amount);
        boolean fromLeapDay = day0.getMonth() == Month.FEBRUARY && day0.getDayOfMonth() == 29;
        if (fromLeapDay && leapDay == LeapDay.MAR_1 && end.getDayOfMonth() == 28) {
            return end.plusDays(1);
        }
        return end;
    }

    /** The convention in words, for explanations. */
    public String describe(TimeUnit unit) {
        StringBuilder b = new StringBuilder(eventDay == EventDay.DAY_1 ? "the event's date is day 1" : "the event's date is day 0");
        if (unit == TimeUnit.YEARS) {
            b.append(years == Years.DAYS_365 ? ", a year is 365 days" : ", a year ends on the anniversary");
            if (years == Years.ANNIVERSARY && leapDay == LeapDay.MAR_1) {
                b.append(" (29 February to 1 March)");
            }
        }
        return b.toString();
    }
}
