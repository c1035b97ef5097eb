/**
 * Return shipping: where a parcel goes back ({@link org.openrma.service.shipping.ShippingSettings},
 * per program), the packing slip every authorized return gets ({@link org.openrma.service.shipping.PackingSlips}),
 * and return labels bought through one interface ({@link org.openrma.service.shipping.ReturnLabels}): a
 * carrier API ({@link org.openrma.service.shipping.EasyPostLabels}) or the "print your own" address label
 * when the merchant has no carrier account ({@link org.openrma.service.shipping.PrintYourOwnLabels}).
 */
package org.openrma.service.shipping;
