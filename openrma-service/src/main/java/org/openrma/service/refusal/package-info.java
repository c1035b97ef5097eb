/**
 * Why the domain says no, without HTTP: {@link org.openrma.service.refusal.Refusal} and its kinds (not found,
 * conflict, invalid, stale, forbidden). The web edge maps each kind to problem+json; the pages to their own text.
 */
package org.openrma.service.refusal;
