/**
 * JMH benchmarks of the engine (see BENCHMARKS.md): OpenRMA on each seed policy's claim mix, and against Drools and
 * hand-written Java on the same rules.
 */
package org.openrma.bench;
