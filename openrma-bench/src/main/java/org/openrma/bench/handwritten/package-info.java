/**
 * The same policies written by hand in plain Java: the floor the engine is measured against.
 */
package org.openrma.bench.handwritten;
