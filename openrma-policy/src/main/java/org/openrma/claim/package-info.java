/**
 * The claim the engine decides: the order and the customer's request, as records over open vocabularies ({@link
 * org.openrma.claim.Vocabulary}), and {@link org.openrma.claim.ClaimReader}, which reads the API's JSON or YAML shape
 * and lists every bad field with its path before refusing.
 */
package org.openrma.claim;
