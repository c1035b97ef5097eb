/**
 * {@code openrma lint}: compiles and lints policy files and prints every diagnostic with file, line and column.
 */
package org.openrma.cli.lint;
