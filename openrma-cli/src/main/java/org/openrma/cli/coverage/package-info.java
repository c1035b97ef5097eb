/**
 * {@code openrma coverage}: which clauses of each seed policy the rules cite and the scenarios exercise.
 */
package org.openrma.cli.coverage;
