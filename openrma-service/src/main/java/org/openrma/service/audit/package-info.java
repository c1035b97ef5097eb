/**
 * The audit trail: every change with who made it and the state before and after, written in the same transaction as
 * the change.
 */
package org.openrma.service.audit;
