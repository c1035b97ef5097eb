package org.openrma.service.shipping;

import java.util.List;
import java.util.UUID;
import org.openrma.service.merchant.SecretBox;
import org.openrma.service.web.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The merchant_shipping table; the carrier's API key is sealed like the merchant's other secrets ({@link SecretBox}). */
@Repository
public class ShippingSettingsStore {

    static final String CARRIER_API_KEY = "carrier_api_key";
    private static final TypeReference<List<ReturnAddress>> ADDRESSES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SecretBox box;

    public ShippingSettingsStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** The merchant's settings, or {@link ShippingSettings#NONE} before the first are saved. */
    public ShippingSettings get(UUID merchantId) {
        return jdbc.sql("select return_addresses, carrier, carrier_api_key, version from merchant_shipping where merchant_id = ?")
                .param(merchantId)
                .query((rs, n) -> new ShippingSettings(Json.MAPPER.readValue(rs.getString(1), ADDRESSES),
                        Carrier.parse(rs.getString(2)).orElse(null), box.open(merchantId, CARRIER_API_KEY, rs.getString(3)), rs.getInt(4)))
                .optional().orElse(ShippingSettings.NONE);
    }

    /** Saves the settings if nobody changed them since {@code expectedVersion} was read (-1: none stored yet). */
    public boolean save(UUID merchantId, ShippingSettings next, int expectedVersion) {
        String addresses = Json.write(next.returnAddresses());
        String carrier = next.carrier() == null ? null : next.carrier().wire();
        String key = box.seal(merchantId, CARRIER_API_KEY, next.carrierApiKey());
        if (expectedVersion < 0) {
            return jdbc.sql("""
                    insert into merchant_shipping (merchant_id, return_addresses, carrier, carrier_api_key)
                    values (?, cast(? as jsonb), ?, ?) on conflict (merchant_id) do nothing""")
                    .params(merchantId, addresses, carrier, key).update() == 1;
        }
        return jdbc.sql("""
                update merchant_shipping set return_addresses = cast(? as jsonb), carrier = ?, carrier_api_key = ?, version = version + 1
                where merchant_id = ? and version = ?""")
                .params(addresses, carrier, key, merchantId, expectedVersion).update() == 1;
    }
}
