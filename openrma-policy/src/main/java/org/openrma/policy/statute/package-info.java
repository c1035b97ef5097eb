/**
 * Consumer law composed with a merchant's policy. Statutory packs (one per country, in {@code statutes/}) are
 * policies in the same language with a {@code statute} header ({@link org.openrma.policy.statute.StatuteLibrary});
 * {@link org.openrma.policy.statute.StatutoryView} is the claim as the law reads it;
 * {@link org.openrma.policy.statute.Composer} evaluates every statutory program and gives each parameter the value
 * most favourable to the consumer, recording the legal basis and the merchant rules displaced;
 * {@link org.openrma.policy.statute.ConsumerExplanation} tells the consumer in their language;
 * {@link org.openrma.policy.statute.MarketLint} warns a merchant where the law of its markets overrides a clause.
 * No class here names a country: what a country requires is read from its pack.
 */
package org.openrma.policy.statute;
