/**
 * Seeded claim mixes for each seed policy, read through the claim reader as the API reads them.
 */
package org.openrma.bench.mix;
