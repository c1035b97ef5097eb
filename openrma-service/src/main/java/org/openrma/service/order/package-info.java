/**
 * Orders as the merchant's shop sends them: imported once, read by number or id, cancelled or amended when an RMA
 * carries that out.
 */
package org.openrma.service.order;
