package org.openrma.service.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Input;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's return shipping settings. They live here rather than in the policy file: the
 * policy says who pays, which is versioned with the terms; where parcels go and which carrier
 * account buys labels change with warehouses and contracts, take effect at once for RMAs already
 * authorized, and a carrier key is a secret that must not sit in a published policy.
 */
@RestController
@RequestMapping("/api/v1/merchant/shipping")
public class ShippingSettingsController {

    private final ShippingSettingsStore store;
    private final AuditTrail audit;

    public ShippingSettingsController(ShippingSettingsStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The settings as shown: the carrier's API key never is. */
    public record ShippingSettingsView(List<ReturnAddress> returnAddresses, Carrier carrier, boolean carrierApiKeySet, int version) {
        static ShippingSettingsView of(ShippingSettings s) {
            return new ShippingSettingsView(s.returnAddresses(), s.carrier(), s.carrierApiKey() != null, Math.max(0, s.version()));
        }
    }

    @Input
    @Schema(description = "Any of the settings; absent fields keep their value. Needs the settings' version (If-Match or 'version').")
    public record ShippingSettingsUpdate(Integer version,
                                 @Valid @Schema(description = "replaces the list; the first address without programs is the default")
                                 List<@jakarta.validation.constraints.NotNull @Valid ReturnAddress> returnAddresses,
                                 @Schema(description = "easypost, or \"\" to disconnect the carrier", example = "easypost") String carrier,
                                 @Schema(description = "write-only, stored encrypted", writeOnly = true, example = "EZTK...") String carrierApiKey) {}

    @GetMapping
    public ResponseEntity<ShippingSettingsView> get(Caller caller) {
        ShippingSettings s = store.get(caller.requireStaff().merchantId());
        return ResponseEntity.ok().eTag("\"" + Math.max(0, s.version()) + "\"").body(ShippingSettingsView.of(s));
    }

    @PutMapping
    @Transactional
    public ResponseEntity<ShippingSettingsView> update(Caller caller, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @RequestBody @Valid ShippingSettingsUpdate body) {
        Caller.Staff admin = caller.requireAdmin();
        ShippingSettings current = store.get(admin.merchantId());
        int version = org.openrma.service.web.IfMatch.versionActedOn(ifMatch, body.version(), "the shipping settings'");
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        List<ReturnAddress> addresses = body.returnAddresses() != null ? body.returnAddresses() : current.returnAddresses();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            if (!ids.add(addresses.get(i).id())) {
                problems.add(new ApiProblem.FieldError("return_addresses[" + i + "].id", "'" + addresses.get(i).id() + "' is used twice"));
            }
        }
        Carrier carrier = current.carrier();
        if (body.carrier() != null) {
            carrier = body.carrier().isBlank() ? null : Carrier.parse(body.carrier().strip()).orElse(null);
            if (!body.carrier().isBlank() && carrier == null) {
                problems.add(new ApiProblem.FieldError("carrier", "unknown carrier '" + body.carrier() + "'; known: easypost"));
            }
        }
        String key = body.carrierApiKey() != null ? (body.carrierApiKey().isBlank() ? null : body.carrierApiKey().strip()) : current.carrierApiKey();
        if (carrier != null && key == null) {
            problems.add(new ApiProblem.FieldError("carrier_api_key", "is required to connect " + carrier.wire()));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        boolean stale = current.stored() ? version != current.version() : version != 0;
        ShippingSettings next = new ShippingSettings(addresses, carrier, carrier == null ? null : key, version);
        if (stale || !store.save(admin.merchantId(), next, current.stored() ? version : -1)) {
            throw new ApiProblem(ifMatch != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, "stale-version",
                    "the shipping settings were changed by someone else (you sent version " + version + ")");
        }
        ShippingSettings saved = store.get(admin.merchantId());
        audit.record(admin, "merchant.shipping_updated", "merchant", admin.merchantId(), ShippingSettingsView.of(current),
                Map.of("settings", ShippingSettingsView.of(saved), "carrier_api_key_changed", body.carrierApiKey() != null));
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(ShippingSettingsView.of(saved));
    }

}
