/**
 * Synthetic claims drawn from weighted profiles, for replays and benchmarks when no history is at hand.
 */
package org.openrma.whatif.generate;
