/**
 * Serial-numbered units: which RMA claimed them, whose warranty was voided at inspection, which were repaired or
 * replaced by another serial.
 */
package org.openrma.service.unit;
