/**
 * Stage 2: the node tree bound to the policy model. {@link org.openrma.policy.compile.Binder} reads the policy and its
 * programs and hands each concept to its reader (declarations, clauses, conditions, windows, money rules), all on one
 * collecting {@code Reading} that reports every problem with its location. The model it produces ({@code PolicyModel},
 * {@code Program}, {@code Rules}, {@code Window}, {@code Condition}, {@code Field} with its table {@code NamedField})
 * lives here too.
 */
package org.openrma.policy.compile;
