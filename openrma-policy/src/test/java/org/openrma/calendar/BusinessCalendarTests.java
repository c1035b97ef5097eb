package org.openrma.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void countsTheEventsDateAsDayZeroAndIncludesDayN() {
        // Mon 03-10 (day 0) ... Mon 03-17 (day 7, last day)
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.lastDay(Instant.parse("2025-03-10T12:00:00Z"), 7, TimeUnit.DAYS)).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(calendar.endInstant(Instant.parse("2025-03-10T12:00:00Z"), 7, TimeUnit.DAYS))
                .isEqualTo(Instant.parse("2025-03-17T23:59:59.999999999Z"));
    }

    @Test
    void readsAnInstantsDateInTheCalendarsZone() {
        // 23:30 UTC on 03-10 is 08:30 on 03-11 in Tokyo
        Instant lateEvening = Instant.parse("2025-03-10T23:30:00Z");

        assertThat(BusinessCalendar.weekendsOnly(UTC).dateOf(lateEvening)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(BusinessCalendar.weekendsOnly(TOKYO).dateOf(lateEvening)).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(BusinessCalendar.weekendsOnly(TOKYO).lastDay(lateEvening, 7, TimeUnit.DAYS)).isEqualTo(LocalDate.of(2025, 3, 18));
    }

    @Test
    void aDaysFirstInstantIsWhereInstantsStartHavingThatDate() {
        // a version in force "from a date" is told by comparing instants with that day's first one: it must split instants
        // exactly where their dates reach the day, also where a transition skips midnight (Santiago, Beirut) or the offset is fixed
        for (String id : new String[] {"UTC", "+05:30", "Asia/Tokyo", "America/Santiago", "Asia/Beirut", "Europe/Berlin"}) {
            var calendar = BusinessCalendar.weekendsOnly(ZoneId.of(id));
            for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2025, 1, 1)); day = day.plusDays(1)) {
                Instant first = calendar.startOfDay(day);
                assertThat(calendar.dateOf(first)).as("%s %s", id, day).isEqualTo(day);
                assertThat(calendar.dateOf(first.minusNanos(1))).as("%s %s", id, day).isBefore(day);
            }
        }
    }

    @Test
    void fixedOffsetZonesGiveTheDatesAndDayEndsTheZoneRulesGive() {
        // the calendar counts fixed-offset zones in epoch days; it must agree with java.time's zone arithmetic everywhere
        for (String id : new String[] {"UTC", "Z", "+05:30", "-08:00", "Etc/GMT+11"}) {
            ZoneId zone = ZoneId.of(id);
            var calendar = BusinessCalendar.weekendsOnly(zone);
            for (long s = -86_400L * 800; s < 86_400L * 20_000; s += 7_919) {
                Instant at = Instant.ofEpochSecond(s, s % 3 == 0 ? 999_999_999 : 0);
                LocalDate expected = at.atZone(zone).toLocalDate();
                assertThat(calendar.dateOf(at)).as(id + " " + at).isEqualTo(expected);
                assertThat(calendar.endOfDay(expected)).as(id + " " + expected)
                        .isEqualTo(expected.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1));
            }
        }
    }

    @Test
    void windowsOfDaysCountedOnEpochDaysEndWhereTheCountingConventionEndsThem() {
        // DAYS windows in fixed-offset zones take a shortcut past Counting.lastDay; both event-day conventions must agree with it
        for (String id : new String[] {"UTC", "+05:30", "-08:00"}) {
            var calendar = BusinessCalendar.weekendsOnly(ZoneId.of(id));
            for (Counting counting : new Counting[] {Counting.DEFAULT,
                    new Counting(Counting.EventDay.DAY_1, Counting.Years.ANNIVERSARY, Counting.LeapDay.FEB_28)}) {
                for (long s = -86_400L * 40; s < 86_400L * 800; s += 30_011) {
                    Instant start = Instant.ofEpochSecond(s, s % 2 == 0 ? 999_999_999 : 0);
                    for (int days = 0; days <= 400; days += days < 10 ? 1 : 37) {
                        assertThat(calendar.lastDay(start, days, TimeUnit.DAYS, counting)).as(id + " " + start + " " + days + " " + counting)
                                .isEqualTo(counting.lastDay(calendar, calendar.dateOf(start), days, TimeUnit.DAYS));
                    }
                }
            }
        }
    }

    @Test
    void weekdaysCountedOnEpochDaysLandWhereCountingDayByDayLands() {
        // a calendar without holidays counts business days on the epoch day; it must agree with the day-by-day count
        var calendar = BusinessCalendar.weekendsOnly(UTC);
        LocalDate start = LocalDate.of(1969, 12, 20);                  // before and after the epoch, every weekday start
        for (int d = 0; d < 800; d++) {
            LocalDate from = start.plusDays(d);
            for (int days = 0; days <= 30; days++) {
                assertThat(calendar.plusBusinessDays(from, days)).as("%s + %d", from, days)
                        .isEqualTo(calendar.plusBusinessDaysByDate(from, days));
            }
        }
        // Fri 2025-03-14 + 1 business day is Mon 03-17
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 3, 14), 1)).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void endsADayAtLocalMidnightOfTheCalendarsZone() {
        assertThat(BusinessCalendar.weekendsOnly(TOKYO).endOfDay(LocalDate.of(2025, 3, 18)))
                .isEqualTo(Instant.parse("2025-03-18T14:59:59.999999999Z"));
    }

    @Test
    void closesAnHourWindowExactlyNHoursLater() {
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.endInstant(Instant.parse("2025-03-10T22:15:00Z"), 3, TimeUnit.HOURS))
                .isEqualTo(Instant.parse("2025-03-11T01:15:00Z"));
        assertThat(calendar.lastDay(Instant.parse("2025-03-10T22:15:00Z"), 3, TimeUnit.HOURS)).isEqualTo(LocalDate.of(2025, 3, 11));
    }

    @Test
    void landsAMonthFromTheLastOfJanuaryOnTheLastOfFebruary() {
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.lastDay(Instant.parse("2025-01-31T10:00:00Z"), 1, TimeUnit.MONTHS)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(calendar.lastDay(Instant.parse("2024-01-31T10:00:00Z"), 1, TimeUnit.MONTHS)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void landsAYearFromLeapDayOnTheTwentyEighthOfFebruary() {
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.lastDay(Instant.parse("2024-02-29T10:00:00Z"), 1, TimeUnit.YEARS)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(calendar.lastDay(Instant.parse("2024-02-29T10:00:00Z"), 4, TimeUnit.YEARS)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void skipsTheWeekendWhenCountingBusinessDays() {
        // Fri 03-07 (day 0), Sat, Sun, Mon 03-10 = 1st business day, Fri 03-14 = 5th
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 3, 7), 1)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 3, 7), 5)).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 3, 8), 1)).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void skipsChristmasDayWithUsHolidays() {
        // Mon 12-22 (day 0): Tue 23 (1), Wed 24 (2), Thu 25 Christmas, Fri 26 (3), Mon 29 (4), Tue 30 (5)
        var calendar = BusinessCalendar.withHolidays(UTC, "US");

        assertThat(calendar.isBusinessDay(LocalDate.of(2025, 12, 25))).isFalse();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 22), 5)).isEqualTo(LocalDate.of(2025, 12, 30));
    }

    @Test
    void skipsBothChristmasDaysWithGermanHolidays() {
        // Mon 12-22 (day 0): Tue 23 (1), Wed 24 (2), Thu 25 + Fri 26 holidays, Mon 29 (3), Tue 30 (4), Wed 31 (5)
        var calendar = BusinessCalendar.withHolidays(UTC, "DE");

        assertThat(calendar.isBusinessDay(LocalDate.of(2025, 12, 26))).isFalse();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 22), 5)).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void countsEveryWeekdayWithoutHolidays() {
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.isBusinessDay(LocalDate.of(2025, 12, 25))).isTrue();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 22), 5)).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void neverClosesAnUnlimitedWindow() {
        var calendar = BusinessCalendar.weekendsOnly(UTC);

        assertThat(calendar.lastDay(Instant.parse("2025-03-10T12:00:00Z"), 0, TimeUnit.UNLIMITED)).isEqualTo(LocalDate.MAX);
        assertThat(calendar.endInstant(Instant.parse("2025-03-10T12:00:00Z"), 0, TimeUnit.UNLIMITED)).isEqualTo(Instant.MAX);
    }

    @Test
    void knowsJollydayRegionsAndRefusesUnknownOnes() {
        assertThat(BusinessCalendar.knowsRegion("US")).isTrue();
        assertThat(BusinessCalendar.knowsRegion("DE")).isTrue();
        assertThat(BusinessCalendar.knowsRegion("XX")).isFalse();
    }
}
