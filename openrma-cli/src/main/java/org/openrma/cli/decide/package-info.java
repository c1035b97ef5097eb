/**
 * {@code openrma decide}: decides one claim and prints the decision with its explanation.
 */
package org.openrma.cli.decide;
