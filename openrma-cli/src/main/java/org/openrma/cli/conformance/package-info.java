/**
 * {@code openrma conformance}: runs scenario files (a claim, an instant, the expected decision) against the policies
 * and reports every difference.
 */
package org.openrma.cli.conformance;
