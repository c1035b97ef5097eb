/**
 * The {@code openrma} command line: one sub-package per command, each a thin layer over the engine.
 */
package org.openrma.cli;
