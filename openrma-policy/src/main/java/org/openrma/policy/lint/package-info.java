/**
 * Stage 3: warnings about a policy that compiles but may not say what its author means (clauses no rule encodes,
 * numbers that contradict their words, programs that overlap or can never be reached), the check against the published
 * JSON Schema, and the clause coverage report.
 */
package org.openrma.policy.lint;
