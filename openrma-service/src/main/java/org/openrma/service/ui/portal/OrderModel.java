package org.openrma.service.ui.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.rma.ClaimableQuantities;
import org.openrma.service.ui.ProductModel;

/** An order as the portal shows it. */
public record OrderModel(String number, String placedAt, String deliveredAt, String currency, String total, List<Line> lines) {

    /** {@code claimable}: units no earlier request holds; {@code heldBy}: which requests hold the others (null: none). */
    public record Line(int index, String sku, String category, String unitPrice, int quantity, int claimable, String heldBy,
                       ProductModel product) {}

    /** The order with, per line, what earlier requests already hold. */
    public static OrderModel of(StoredOrder o, Map<String, ClaimableQuantities.Line> holds) {
        OrderModel plain = of(o);
        List<Line> lines = new ArrayList<>();
        for (Line l : plain.lines()) {
            var hold = holds.get(l.sku());
            lines.add(hold == null || hold.held().isEmpty() ? l
                    : new Line(l.index(), l.sku(), l.category(), l.unitPrice(), l.quantity(), hold.claimable(), hold.heldBy(), l.product()));
        }
        return new OrderModel(plain.number(), plain.placedAt(), plain.deliveredAt(), plain.currency(), plain.total(), lines);
    }

    public static OrderModel of(StoredOrder o) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (StoredOrder.Line l : o.lines()) {
            lines.add(new Line(i++, l.sku(), l.category(), l.unitPrice(), l.quantity(), l.quantity(), null,
                    ProductModel.of(l.sku(), l.title(), l.variant(), l.imageUrl())));
        }
        return new OrderModel(o.number(), day(o.placedAtAsWritten()), day(o.deliveredAtAsWritten()),
                o.merchandiseTotal().getCurrencyUnit().getCode(), o.merchandiseTotal().getAmount().toPlainString(), lines);
    }

    public List<String> skus() {
        return lines.stream().map(Line::sku).toList();
    }

    public List<Integer> quantities() {
        return lines.stream().map(Line::quantity).toList();
    }

    private static String day(String instant) {
        return instant == null || instant.length() < 10 ? null : instant.substring(0, 10);
    }
}
