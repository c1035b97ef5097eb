/**
 * Reading input that may be wrong without stopping at the first mistake: {@link CollectingReader} reads one value at a
 * time, reports each problem where it is (a line and column in a policy file, a field path in a JSON claim or request
 * body) in the one wording of {@link Wording}, suggests the nearest known word, and goes on. The policy binder, the
 * claim reader and the service's request checks all read through it, so the same mistake reads the same everywhere.
 */
package org.openrma.reading;
