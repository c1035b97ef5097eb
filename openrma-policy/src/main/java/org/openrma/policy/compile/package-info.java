/**
 * Stage 2: the node tree bound to the policy model. {@link org.openrma.policy.compile.Binder} reads the policy and its
 * programs and hands each concept to its reader (declarations, clauses, conditions, windows, money rules), all on one
 * collecting {@code Reading} (the engine's {@link org.openrma.reading.CollectingReader} for YAML nodes) that reports
 * every problem with its location. What it produces, the model, is a package of its own: {@link
 * org.openrma.policy.model}.
 */
package org.openrma.policy.compile;
