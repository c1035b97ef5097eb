/**
 * The demo seed for a first run: demo merchants with their policy, orders and well-known demo API keys, seeded once
 * under an advisory lock.
 */
package org.openrma.service.seed;
