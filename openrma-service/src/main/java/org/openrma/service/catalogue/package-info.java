/**
 * The merchant's product catalogue: products and their variants (size, colour) with price and stock. The portal offers an
 * exchange for another in-stock variant of the product an ordered SKU belongs to ({@link org.openrma.service.catalogue.Products}).
 */
package org.openrma.service.catalogue;
