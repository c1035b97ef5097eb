package org.openrma.policy.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * A test on a calendar date: within fixed dates, within a range of days that recurs every year
 * (November 1 to January 15 wraps the year end), in some months, on some days of the month.
 * Every bound is inclusive; null bounds are not checked.
 */
public record DateTest(LocalDate onOrAfter, LocalDate onOrBefore, MonthDay yearlyFrom, MonthDay yearlyTo, Set<Integer> months,
        Integer dayAtLeast, Integer dayAtMost) {

    public DateTest {
        months = Set.copyOf(months);
    }

    public boolean holds(LocalDate d) {
        if (onOrAfter != null && d.isBefore(onOrAfter)) {
            return false;
        }
        if (onOrBefore != null && d.isAfter(onOrBefore)) {
            return false;
        }
        if (yearlyFrom != null && yearlyTo != null) {
            MonthDay md = MonthDay.from(d);
            boolean inside = yearlyFrom.isAfter(yearlyTo)
                    ? !md.isBefore(yearlyFrom) || !md.isAfter(yearlyTo)
                    : !md.isBefore(yearlyFrom) && !md.isAfter(yearlyTo);
            if (!inside) {
                return false;
            }
        }
        if (!months.isEmpty() && !months.contains(d.getMonthValue())) {
            return false;
        }
        if (dayAtLeast != null && d.getDayOfMonth() < dayAtLeast) {
            return false;
        }
        return dayAtMost == null || d.getDayOfMonth() <= dayAtMost;
    }
}
