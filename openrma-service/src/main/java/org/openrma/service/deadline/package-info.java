/**
 * Background work on the injected clock, run by a persistent scheduler on one instance at a time: RMAs whose ship-back
 * or evidence deadline passed are expired, SLA dates are swept for breaches and due-soon notices, old idempotency keys
 * are forgotten.
 */
package org.openrma.service.deadline;
