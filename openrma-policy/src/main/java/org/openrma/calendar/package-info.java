/**
 * Counting days the way policies say them: lengths such as "14 business days" or "3-5 days", counting conventions (day
 * 0 or day 1, anniversaries, leap days) and business calendars with a time zone and public holidays.
 */
package org.openrma.calendar;
