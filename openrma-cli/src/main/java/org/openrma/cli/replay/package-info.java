/**
 * {@code openrma replay}: decides many past claims under two policies and reports where they differ.
 */
package org.openrma.cli.replay;
