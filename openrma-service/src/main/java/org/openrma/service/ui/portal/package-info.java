/**
 * The customer portal: find an order, file a claim with a preview of the decision, follow the RMA and act on it.
 */
package org.openrma.service.ui.portal;
