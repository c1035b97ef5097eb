/**
 * Messages to the outside (webhooks, e-mails) written to an outbox table in the change's transaction and delivered
 * afterwards by {@link org.openrma.service.outbox.OutboxRelay}, with retries.
 */
package org.openrma.service.outbox;
