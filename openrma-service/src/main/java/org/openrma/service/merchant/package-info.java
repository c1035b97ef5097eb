/**
 * Merchants and their settings: policy in force, time zone, webhook targets, and their secrets kept encrypted at rest.
 */
package org.openrma.service.merchant;
