package org.openrma.service.ui;

/**
 * What the pages show of an ordered product: its name (the order line's title, else the SKU), the variant bought and a picture.
 * {@code image} is set only for a picture this service hosts (a path starting with {@code /}): the pages' Content-Security-Policy
 * allows images from this site alone ({@code img-src 'self'}), so another host's picture would show as a broken image; the
 * address the shop sent stays in the order and the API either way.
 */
public record ProductModel(String sku, String name, String variant, String image) {

    public static ProductModel of(String sku, String title, String variant, String imageUrl) {
        boolean hosted = imageUrl != null && imageUrl.startsWith("/") && !imageUrl.startsWith("//");
        return new ProductModel(sku, title == null || title.isBlank() ? sku : title, variant, hosted ? imageUrl : null);
    }

    /** Whether the shop named the product (otherwise the name is the SKU, and the page does not repeat it). */
    public boolean named() {
        return !name.equals(sku);
    }

    /** The picture's text alternative: the product and variant. */
    public String alt() {
        return variant == null ? name : name + ", " + variant;
    }
}
