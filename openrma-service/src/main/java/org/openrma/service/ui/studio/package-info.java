/**
 * The policy studio: edit a policy, see its problems and try claims against it before publishing.
 */
package org.openrma.service.ui.studio;
