/**
 * Stage 4: deciding a claim. {@link org.openrma.policy.eval.Evaluator} runs six stages, one class each (programs,
 * selection, offers, refunds, shipping, dates), which report what they do to a {@code Trace}: {@code Explanation}
 * writes the merchant-readable explanation and names the decisive clauses; {@code Trace.NONE} keeps nothing, for bulk
 * replays.
 */
package org.openrma.policy.eval;
