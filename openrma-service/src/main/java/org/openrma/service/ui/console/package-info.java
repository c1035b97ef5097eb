/**
 * The staff console: the RMA queue, an RMA with its actions, the ledger, charts and the team.
 */
package org.openrma.service.ui.console;
