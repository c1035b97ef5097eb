/**
 * Wording shared by every reader that refuses input: the "did you mean" suggestion for an unknown word.
 */
package org.openrma.text;
