package org.openrma.service.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.Money;

/**
 * A ledger entry as the API and the pages show it: the kind as its word, amounts as decimal strings
 * in the entry's currency. Strings only here, at the edge; {@link RefundLedger.Entry} is typed.
 */
@Schema(name = "Entry")
public record EntryView(UUID id, UUID rmaId, String kind, String resolution, String amount, String currency, Instant createdAt,
                        String createdBy, Map<String, String> deductions, List<LineUseView> lines,
                        @Schema(description = "the exchange an exchange or exchange_charge entry settles; null on other entries")
                        RefundLedger.ExchangeDetail detail) {

    /** What an entry used up of one order line, or of the shipping charge ({@code sku} null). */
    @Schema(name = "LineUse")
    public record LineUseView(String sku, int quantity, String amount) {}

    public static EntryView of(RefundLedger.Entry e) {
        Map<String, String> deductions = new TreeMap<>();
        e.deductions().forEach((kind, amount) -> deductions.put(kind.wire(), plain(amount)));
        return new EntryView(e.id(), e.rmaId(), e.kind().wire(), e.resolution(), plain(e.amount()), e.amount().getCurrencyUnit().getCode(),
                e.createdAt(), e.createdBy(), deductions, e.lines().stream().map(l -> new LineUseView(l.sku(), l.quantity(), plain(l.amount()))).toList(),
                e.detail());
    }

    private static String plain(Money m) {
        return m.getAmount().toPlainString();
    }
}
