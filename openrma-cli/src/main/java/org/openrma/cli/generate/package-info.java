/**
 * {@code openrma generate}: a synthetic, reproducible claim history (JSON Lines or CSV) for trying a policy change on.
 */
package org.openrma.cli.generate;
