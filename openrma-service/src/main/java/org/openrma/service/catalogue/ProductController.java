package org.openrma.service.catalogue;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.openrma.claim.ClaimReader;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.web.ApiProblem;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's product catalogue, replaced as a whole (a shop exports its products and sends them all). The portal
 * offers an exchange for another in-stock variant of the product an ordered SKU belongs to, at the variant's price.
 */
@RestController
@RequestMapping("/api/v1/merchant/products")
public class ProductController {

    private final Products products;
    private final AuditTrail audit;

    public ProductController(Products products, AuditTrail audit) {
        this.products = products;
        this.audit = audit;
    }

    @GetMapping
    public ProductCatalogue get(Caller caller) {
        return products.all(caller.requireStaff().merchantId());
    }

    /** Replaces the catalogue; every problem is reported at once, by field. */
    @PutMapping
    @Transactional
    public ProductCatalogue replace(Caller caller, @RequestBody @Valid ProductCatalogue body) {
        Caller.Staff admin = caller.requireAdmin();
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < body.products().size(); i++) {
            ProductCatalogue.Product p = body.products().get(i);
            String at = "products[" + i + "]";
            if (!ids.add(p.id())) {
                problems.add(new ApiProblem.FieldError(at + ".id", "'" + p.id() + "' is used by another product"));
            }
            int digits = decimals(p.currency());
            if (digits < 0) {
                problems.add(new ApiProblem.FieldError(at + ".currency", "'" + p.currency() + "' is not an ISO 4217 currency"));
            }
            for (int j = 0; j < p.variants().size(); j++) {
                ProductCatalogue.Variant v = p.variants().get(j);
                String vat = at + ".variants[" + j + "]";
                if (!skus.add(v.sku())) {
                    problems.add(new ApiProblem.FieldError(vat + ".sku", "'" + v.sku() + "' appears more than once in the catalogue"));
                }
                if (digits >= 0 && v.price().contains(".") && v.price().length() - v.price().indexOf('.') - 1 > digits) {
                    problems.add(new ApiProblem.FieldError(vat + ".price", "'" + v.price() + "' has more decimals than " + p.currency() + " (" + digits + ")"));
                }
                if (v.imageUrl() != null && !ClaimReader.isImageAddress(v.imageUrl())) {
                    problems.add(new ApiProblem.FieldError(vat + ".image_url", "'" + v.imageUrl() + "' is not an image address; use an http or https"
                            + " URL, or a path on this service starting with /"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        ProductCatalogue before = products.all(admin.merchantId());
        products.replace(admin.merchantId(), body);
        ProductCatalogue saved = products.all(admin.merchantId());
        audit.record(admin, "merchant.products_replaced", "merchant", admin.merchantId(), Map.of("products", before.products().size()),
                Map.of("products", saved.products().size(), "variants", skus.size()));
        return saved;
    }

    private static int decimals(String currency) {
        try {
            return CurrencyUnit.of(currency).getDecimalPlaces();
        } catch (IllegalCurrencyException e) {
            return -1;
        }
    }
}
