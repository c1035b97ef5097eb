/**
 * Stage 2: the node tree bound to the policy model. {@link org.openrma.policy.compile.Binder} reads the policy and its
 * programs and hands each concept to its reader (declarations, clauses, conditions, windows, money rules), all on one
 * collecting {@code Reading} (the engine's {@link org.openrma.reading.CollectingReader} for YAML nodes) that reports
 * every problem with its location. What it produces, the model, is a package of its own: {@link
 * org.openrma.policy.model}. Once a policy binds without errors, {@link org.openrma.policy.compile.ConditionCompiler}
 * compiles its conditions to bytecode (one hidden class per version) that decisions without an explanation run, each
 * program's line rules as one method of it ({@link org.openrma.policy.model.ConditionGroup}); the conditions' trees stay in
 * the model as the reference, for explanations and for the reason a condition cannot be evaluated.
 */
package org.openrma.policy.compile;
