/**
 * Money rounding: the policy's rounding mode, applied once to an exact amount, to the currency's minor unit.
 */
package org.openrma.money;
