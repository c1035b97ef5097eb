/**
 * The common verdict the three engines are compared on (outcome, refund, fee, who pays return shipping).
 */
package org.openrma.bench.engines;
