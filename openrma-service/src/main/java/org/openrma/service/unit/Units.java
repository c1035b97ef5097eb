package org.openrma.service.unit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Units by serial number. A finding that voids the warranty marks the unit void; later claims on
 * that serial carry the fact {@code warranty_voided}. A replacement unit gets its own serial and
 * the old unit points to it, so the history follows the customer's current unit.
 */
@Repository
public class Units {

    /** Facts that void a unit's warranty when inspection finds them. */
    public static final Set<Fact> VOIDING_FACTS =
            Set.of(Fact.FIRMWARE_MODIFIED, Fact.DISASSEMBLED, Fact.PARTS_MODIFIED, Fact.WATER_DAMAGE, Fact.MISUSE);

    private final JdbcClient jdbc;
    private final Clock clock;

    public Units(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Unit(String serial, String sku, boolean warrantyVoid, Instant voidedAt, String voidedReason, UUID voidedByRma,
                       String replacedBySerial, List<UnitEvent> history) {}

    public record UnitEvent(Instant at, String event, UUID rmaId, String detail) {}

    public static Optional<String> voidingReason(Finding finding, Set<Fact> facts) {
        if (finding == Finding.MISUSE) {
            return Optional.of("inspection finding misuse");
        }
        return facts.stream().filter(VOIDING_FACTS::contains).map(Fact::wire).sorted().findFirst()
                .map(f -> "inspection found " + f);
    }

    /** Records that an RMA concerns this unit (creating the unit on first sight). */
    public void claimed(UUID merchantId, String serial, String sku, UUID rmaId) {
        ensure(merchantId, serial, sku);
        event(merchantId, serial, rmaId, "claimed", null);
    }

    /** Follows replacements to the unit the customer holds now. */
    public String current(UUID merchantId, String serial) {
        String s = serial;
        for (int i = 0; i < 100; i++) {
            String next = jdbc.sql("select replaced_by_serial from unit where merchant_id = ? and serial = ?").params(merchantId, s)
                    .query(String.class).optional().orElse(null);
            if (next == null) {
                return s;
            }
            s = next;
        }
        return s;
    }

    public boolean isVoid(UUID merchantId, String serial) {
        return jdbc.sql("select warranty_void from unit where merchant_id = ? and serial = ?").params(merchantId, serial)
                .query(Boolean.class).optional().orElse(false);
    }

    public void voidWarranty(UUID merchantId, String serial, String sku, UUID rmaId, String reason) {
        ensure(merchantId, serial, sku);
        jdbc.sql("""
                update unit set warranty_void = true, voided_at = ?, voided_reason = ?, voided_by_rma = ?
                where merchant_id = ? and serial = ? and not warranty_void""")
                .params(Timestamp.from(clock.instant()), reason, rmaId, merchantId, serial).update();
        event(merchantId, serial, rmaId, "warranty_voided", reason);
    }

    public void repaired(UUID merchantId, String serial, UUID rmaId, String detail) {
        event(merchantId, serial, rmaId, "repaired", detail);
    }

    public void replaced(UUID merchantId, String serial, String sku, String newSerial, UUID rmaId) {
        ensure(merchantId, newSerial, sku);
        jdbc.sql("update unit set replaced_by_serial = ? where merchant_id = ? and serial = ?").params(newSerial, merchantId, serial).update();
        event(merchantId, serial, rmaId, "replaced", "by " + newSerial);
        event(merchantId, newSerial, rmaId, "issued_as_replacement", "for " + serial);
    }

    public Optional<Unit> find(UUID merchantId, String serial) {
        List<UnitEvent> history = jdbc.sql("select * from unit_event where merchant_id = ? and serial = ? order by id").params(merchantId, serial)
                .query((rs, n) -> new UnitEvent(rs.getTimestamp("at").toInstant(), rs.getString("event"),
                        rs.getObject("rma_id", UUID.class), rs.getString("detail")))
                .list();
        return jdbc.sql("select * from unit where merchant_id = ? and serial = ?").params(merchantId, serial)
                .query((rs, n) -> new Unit(rs.getString("serial"), rs.getString("sku"), rs.getBoolean("warranty_void"),
                        rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant(), rs.getString("voided_reason"),
                        rs.getObject("voided_by_rma", UUID.class), rs.getString("replaced_by_serial"), history))
                .optional();
    }

    private void ensure(UUID merchantId, String serial, String sku) {
        jdbc.sql("insert into unit (merchant_id, serial, sku) values (?, ?, ?) on conflict (merchant_id, serial) do nothing")
                .params(merchantId, serial, sku).update();
    }

    private void event(UUID merchantId, String serial, UUID rmaId, String event, String detail) {
        jdbc.sql("insert into unit_event (merchant_id, serial, rma_id, at, event, detail) values (?, ?, ?, ?, ?, ?)")
                .params(merchantId, serial, rmaId, Timestamp.from(clock.instant()), event, detail).update();
    }
}
