/**
 * Who is calling: API keys (agent, admin), customer order tokens and sessions, staff accounts and single sign-on,
 * turned into a {@link org.openrma.service.access.Caller}.
 */
package org.openrma.service.access;
