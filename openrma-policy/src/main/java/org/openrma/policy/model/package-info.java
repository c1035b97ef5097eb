/**
 * The compiled policy as the evaluator reads it: {@code PolicyModel} with its {@code Program}s, their {@code Window}s,
 * checks ({@code Condition}), money rules ({@code Rules}), the claim fields a rule may read ({@code Field}, one row per
 * field in {@code NamedField}) and what the policy declares ({@code Declarations}). Only records, enums and sealed
 * types with the behaviour of reading a claim: the binder ({@code compile}) builds them, the linter ({@code lint}) and
 * the evaluator ({@code eval}) read them, and nothing here parses or reports.
 */
package org.openrma.policy.model;
