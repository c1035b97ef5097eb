/**
 * The refund ledger of each order: entries of a {@link org.openrma.service.ledger.LedgerKind} recorded as a {@link
 * org.openrma.service.ledger.Payout}, allocated to the order lines and shipping they concern, so no line ever gives
 * back more than was paid for it (checked under the order's lock and again by database triggers).
 */
package org.openrma.service.ledger;
