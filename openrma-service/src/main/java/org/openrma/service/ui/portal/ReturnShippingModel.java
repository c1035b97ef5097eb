package org.openrma.service.ui.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.rma.Rma;
import org.openrma.service.shipping.PostalAddress;
import org.openrma.service.shipping.ReturnShipping;
import org.openrma.service.ui.UiFormats;
import org.openrma.service.ui.UiMessages;
import org.openrma.service.web.ApiProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The "send it back" card of the portal's RMA page: where the parcel goes, the packing slip, the
 * label (bought, offered or print-your-own) and the links to each document.
 */
public record ReturnShippingModel(List<String> returnAddress, String offer, Label label, String packingSlipUrl, String addressLabelUrl,
                                  String labelFormUrl) {

    /** A label bought: {@code cost} as text in the page's language ("$7.47") or null, {@code downloadUrl} the carrier's file or the portal's PDF. */
    public record Label(String carrier, String service, String tracking, String cost, String paidBy, String downloadUrl) {}

    static ReturnShippingModel of(ReturnShipping.Plan plan, Merchant m, Rma rma) {
        String base = "/portal/" + m.slug() + "/rmas/" + rma.id();
        Label label = null;
        if (plan.label() != null) {
            var l = plan.label();
            label = new Label(l.carrier().replace('_', ' '), l.service(), l.tracking(),
                    l.cost() == null ? null : new UiFormats(LocaleContextHolder.getLocale()).money(l.cost()), l.paidBy(),
                    l.labelUrl() != null ? l.labelUrl() : base + "/return-label.pdf");
        }
        return new ReturnShippingModel(plan.returnAddress() == null ? List.of() : plan.returnAddress().address().lines(),
                plan.offer().name().toLowerCase(Locale.ROOT), label, base + "/packing-slip.pdf", base + "/address-label.pdf",
                base + "/return-label");
    }

    /** The sender's address from the portal's label form; every missing field is named in one message, in the page's language. */
    static PostalAddress address(MultiValueMap<String, String> form, UiMessages text) {
        List<String> missing = new ArrayList<>();
        String name = field(form, "from_name", text.get("portal.label.your-name"), missing);
        String street = field(form, "from_street1", text.get("portal.label.street"), missing);
        String city = field(form, "from_city", text.get("portal.label.city"), missing);
        String zip = field(form, "from_zip", text.get("portal.label.zip"), missing);
        String country = field(form, "from_country", text.get("portal.label.country"), missing);
        if (!missing.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", text.get("portal.label.missing", String.join(", ", missing)));
        }
        country = country.toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", text.get("portal.label.country-code"));
        }
        return new PostalAddress(name, null, street, optional(form, "from_street2"), city, optional(form, "from_state"), zip, country,
                optional(form, "from_phone"), null);
    }

    private static String field(MultiValueMap<String, String> form, String key, String words, List<String> missing) {
        String v = optional(form, key);
        if (v == null) {
            missing.add(words);
        }
        return v;
    }

    private static String optional(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
