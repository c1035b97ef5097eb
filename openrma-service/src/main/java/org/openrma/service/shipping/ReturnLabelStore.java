package org.openrma.service.shipping;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The return_label table: at most one label per RMA, always read within one merchant. */
@Repository
public class ReturnLabelStore {

    /** A label as stored; {@code paidBy} "merchant" or "customer" (a label the policy sells). */
    public record StoredLabel(UUID rmaId, String carrier, String service, String tracking, Money cost, String labelUrl, boolean hasPdf,
                              String paidBy, Instant purchasedAt) {}

    private final JdbcClient jdbc;

    public ReturnLabelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the label; false when the RMA already has one (a second click raced the first). */
    boolean insert(UUID merchantId, UUID rmaId, ReturnLabels.Label label, String paidBy, Instant at, String by) {
        return jdbc.sql("""
                insert into return_label (rma_id, merchant_id, carrier, service, tracking, cost, currency, label_url, label_pdf, shipment_ref,
                    paid_by, purchased_at, purchased_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (rma_id) do nothing""")
                .params(rmaId, merchantId, label.carrier(), label.service(), label.tracking(),
                        label.cost() == null ? null : label.cost().getAmount(), label.cost() == null ? null : label.cost().getCurrencyUnit().getCode(),
                        label.labelUrl(), label.labelPdf(), label.shipmentRef(), paidBy, Timestamp.from(at), by)
                .update() == 1;
    }

    /**
     * Reserves the RMA for one label purchase, taking over a reservation started before {@code staleBefore};
     * false while another request is buying its label.
     */
    boolean reservePurchase(UUID merchantId, UUID rmaId, Instant at, Instant staleBefore, String by) {
        return jdbc.sql("""
                insert into return_label_purchase (rma_id, merchant_id, started_at, started_by) values (?, ?, ?, ?)
                on conflict (rma_id) do update set started_at = excluded.started_at, started_by = excluded.started_by
                where return_label_purchase.started_at < ?""")
                .params(rmaId, merchantId, Timestamp.from(at), by, Timestamp.from(staleBefore))
                .update() == 1;
    }

    /** Ends the reservation made at {@code at} (not one a later request took over). */
    void releasePurchase(UUID rmaId, Instant at) {
        jdbc.sql("delete from return_label_purchase where rma_id = ? and started_at = ?").params(rmaId, Timestamp.from(at)).update();
    }

    public Optional<StoredLabel> find(UUID merchantId, UUID rmaId) {
        return jdbc.sql("""
                select rma_id, carrier, service, tracking, cost, currency, label_url, label_pdf is not null as has_pdf, paid_by, purchased_at
                from return_label where merchant_id = ? and rma_id = ?""")
                .params(merchantId, rmaId)
                .query((rs, n) -> {
                    BigDecimal cost = rs.getBigDecimal("cost");
                    CurrencyUnit unit = cost == null ? null : CurrencyUnit.of(rs.getString("currency"));
                    return new StoredLabel(rs.getObject("rma_id", UUID.class), rs.getString("carrier"), rs.getString("service"),
                            rs.getString("tracking"), cost == null ? null : Money.of(unit, cost.setScale(unit.getDecimalPlaces())),
                            rs.getString("label_url"), rs.getBoolean("has_pdf"), rs.getString("paid_by"), rs.getTimestamp("purchased_at").toInstant());
                })
                .optional();
    }

    public Optional<byte[]> pdf(UUID merchantId, UUID rmaId) {
        return jdbc.sql("select label_pdf from return_label where merchant_id = ? and rma_id = ? and label_pdf is not null")
                .params(merchantId, rmaId).query((rs, n) -> rs.getBytes(1)).optional();
    }
}
