package org.openrma.decision;

/**
 * How much a decision says about itself. Both levels give the same outcome, money, parties,
 * evidence and deadlines; {@link #OUTCOME_ONLY} leaves out the explanation and summary, for bulk
 * replays of claim history where only the numbers are compared.
 */
public enum Detail {
    FULL,
    OUTCOME_ONLY
}
