package org.openrma.decision;

/**
 * How much a decision says about itself. Both levels give the same outcome, money, parties,
 * evidence and deadlines; {@link #OUTCOME_ONLY} leaves out the explanation and summary, for bulk
 * replays of claim history where only the numbers are compared. A decision made without its words
 * (either level from {@code CompiledPolicy.decide}) counts deadlines beyond the claim window's last
 * day when they are first read ({@link DatesByName.OnRead}): a replay that never reads them never
 * pays for them.
 */
public enum Detail {
    FULL,
    OUTCOME_ONLY
}
