/**
 * Stage 1 of compiling a policy: YAML text to a tree of {@link org.openrma.policy.source.Node}s that keep each value's
 * line and column, with limits on size and depth, so later stages can report problems where they are in the file.
 */
package org.openrma.policy.source;
