package org.openrma.policy.model;

import java.time.Instant;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;

/**
 * What a rule is evaluated against: the claim, the claimed line in question (absent for rules
 * about the claim as a whole), the merchant's calendar, and the instant of evaluation.
 */
public record Subject(Claim claim, ClaimedLine line, BusinessCalendar calendar, Instant now) {

    public Subject forLine(ClaimedLine l) {
        return new Subject(claim, l, calendar, now);
    }
}
