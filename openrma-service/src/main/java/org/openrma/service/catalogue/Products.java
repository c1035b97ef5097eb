package org.openrma.service.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product_variant table: a merchant's catalogue, replaced as a whole and read by product. */
@Repository
public class Products {

    private final JdbcClient jdbc;

    public Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the merchant's catalogue (call within a transaction). */
    public void replace(UUID merchantId, ProductCatalogue catalogue) {
        jdbc.sql("delete from product_variant where merchant_id = ?").param(merchantId).update();
        int position = 0;
        for (ProductCatalogue.Product p : catalogue.products()) {
            for (ProductCatalogue.Variant v : p.variants()) {
                jdbc.sql("""
                        insert into product_variant (merchant_id, product_id, product_title, sku, title, price, currency, in_stock, image_url, position)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(merchantId, p.id(), p.title(), v.sku(), v.title(), new BigDecimal(v.price()), p.currency(), v.inStock(),
                                v.imageUrl(), position++)
                        .update();
            }
        }
    }

    public ProductCatalogue all(UUID merchantId) {
        return catalogue(jdbc.sql("select * from product_variant where merchant_id = ? order by position").param(merchantId)
                .query((rs, n) -> new Row(rs.getString("product_id"), rs.getString("product_title"), rs.getString("currency"),
                        new ProductCatalogue.Variant(rs.getString("sku"), rs.getString("title"), rs.getBigDecimal("price")
                                .setScale(org.joda.money.CurrencyUnit.of(rs.getString("currency")).getDecimalPlaces(), java.math.RoundingMode.UNNECESSARY)
                                .toPlainString(), rs.getBoolean("in_stock"), rs.getString("image_url"))))
                .list());
    }

    /** The product the SKU is a variant of, with all its variants; empty when the catalogue does not list the SKU. */
    public Optional<ProductCatalogue.Product> productOf(UUID merchantId, String sku) {
        return all(merchantId).products().stream().filter(p -> p.variant(sku).isPresent()).findFirst();
    }

    private record Row(String productId, String productTitle, String currency, ProductCatalogue.Variant variant) {}

    private static ProductCatalogue catalogue(List<Row> rows) {
        Map<String, List<ProductCatalogue.Variant>> variants = new LinkedHashMap<>();
        Map<String, Row> first = new LinkedHashMap<>();
        for (Row r : rows) {
            variants.computeIfAbsent(r.productId(), k -> new ArrayList<>()).add(r.variant());
            first.putIfAbsent(r.productId(), r);
        }
        List<ProductCatalogue.Product> products = new ArrayList<>();
        first.forEach((id, r) -> products.add(new ProductCatalogue.Product(id, r.productTitle(), r.currency(), List.copyOf(variants.get(id)))));
        return new ProductCatalogue(List.copyOf(products));
    }
}
