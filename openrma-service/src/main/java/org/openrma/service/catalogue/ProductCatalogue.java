package org.openrma.service.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.openrma.service.web.Input;
import org.openrma.service.web.Wire;

/** The merchant's products with their variants: the body of {@code PUT /api/v1/merchant/products} and what GET returns. */
@Input
@Schema(description = "The merchant's products and their variants; each SKU once in the whole catalogue")
public record ProductCatalogue(@NotNull @Valid List<@NotNull @Valid Product> products) {

    /** A product, such as a shirt, sold in variants (sizes, colours) at their own prices, all in one currency. */
    @Input
    @Schema(name = "CatalogueProduct")
    public record Product(@NotBlank @Schema(example = "LL-SHIRT") String id,
                          @NotBlank @Schema(example = "Linen shirt") String title,
                          @NotBlank @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") @Schema(example = "EUR") String currency,
                          @NotNull @Size(min = 1, message = "a product needs at least one variant") @Valid List<@NotNull @Valid Variant> variants) {

        /** The variant of this SKU, if the product has one. */
        public Optional<Variant> variant(String sku) {
            return variants.stream().filter(v -> v.sku().equals(sku)).findFirst();
        }
    }

    /** One variant of a product: its SKU (as order lines name it), what distinguishes it, its price and whether it is in stock. */
    @Input
    @Schema(name = "CatalogueVariant")
    public record Variant(@NotBlank @Schema(example = "LL-SHIRT-NAVY-M") String sku,
                          @NotBlank @Schema(example = "Navy / M") String title,
                          @NotNull @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(example = "210.00", pattern = Wire.MONEY) String price,
                          @NotNull Boolean inStock,
                          @Schema(description = "an http(s) URL, or a path on this service starting with /") String imageUrl) {}
}
