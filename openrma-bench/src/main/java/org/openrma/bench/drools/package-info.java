/**
 * The same policies as Drools rules, and the fact bean built from a claim, for the three-engine comparison.
 */
package org.openrma.bench.drools;
