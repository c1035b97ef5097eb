package org.openrma.service.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.openrma.service.web.Input;

/** A postal address as carriers take it: the street lines, city, state or region, postal code and ISO country code. */
@Input
@Schema(description = "A postal address; country is the ISO 3166-1 alpha-2 code")
public record PostalAddress(
        @NotBlank @Schema(example = "Returns desk") String name,
        @Schema(example = "My Shop") String company,
        @NotBlank @Schema(example = "417 Montgomery Street") String street1,
        @Schema(example = "5th Floor") String street2,
        @NotBlank @Schema(example = "San Francisco") String city,
        @Schema(example = "CA") String state,
        @NotBlank @Schema(example = "94104") String zip,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as US or DE")
        @Schema(example = "US") String country,
        @Schema(example = "4153334445") String phone,
        @Schema(example = "returns@example.com") String email) {

    /** The lines printed on a label or slip, top to bottom, without empty ones. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        add(out, name);
        add(out, company);
        add(out, street1);
        add(out, street2);
        add(out, String.join(" ", nonBlank(zip), nonBlank(city)).strip() + (blank(state) ? "" : ", " + state));
        add(out, country);
        return out;
    }

    private static void add(List<String> out, String s) {
        if (!blank(s)) {
            out.add(s.strip());
        }
    }

    private static String nonBlank(String s) {
        return blank(s) ? "" : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
