/**
 * The policy engine's front door: {@link org.openrma.policy.PolicyCompiler} turns a policy file into a {@link
 * org.openrma.policy.CompiledPolicy} by running the stages in order (source, compile, lint) and {@link
 * org.openrma.policy.PolicyCatalog} picks the version in force for a claim and decides it. Nothing in the engine reads
 * the clock or names a merchant: a decision is a pure function of policy, claim and the instant given.
 */
package org.openrma.policy;
