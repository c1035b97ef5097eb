package org.openrma.service.rma;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Resolution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rma_customer_choice table: at most one choice per RMA, made when it was filed. */
@Repository
public class CustomerChoices {

    private final JdbcClient jdbc;

    public CustomerChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID merchantId, UUID rmaId, CustomerChoice c) {
        jdbc.sql("""
                insert into rma_customer_choice (rma_id, merchant_id, resolution, exchange_sku, exchange_title, exchange_price, price_difference, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rmaId, merchantId, c.resolution().wire(), c.exchangeSku(), c.exchangeTitle(), decimal(c.exchangePrice()),
                        decimal(c.priceDifference()), c.currency())
                .update();
    }

    public Optional<CustomerChoice> find(UUID merchantId, UUID rmaId) {
        return jdbc.sql("select * from rma_customer_choice where merchant_id = ? and rma_id = ?").params(merchantId, rmaId)
                .query((rs, n) -> {
                    int digits = org.joda.money.CurrencyUnit.of(rs.getString("currency")).getDecimalPlaces();
                    return new CustomerChoice(Vocabulary.parse(Resolution.class, rs.getString("resolution")).orElse(null),
                            rs.getString("exchange_sku"), rs.getString("exchange_title"), plain(rs.getBigDecimal("exchange_price"), digits),
                            plain(rs.getBigDecimal("price_difference"), digits), rs.getString("currency"));
                })
                .optional();
    }

    private static BigDecimal decimal(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

    private static String plain(BigDecimal amount, int digits) {
        return amount == null ? null : amount.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
