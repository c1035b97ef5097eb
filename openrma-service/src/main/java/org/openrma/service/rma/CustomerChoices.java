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
        return jdbc.sql("select " + COLUMNS + " from rma_customer_choice c where c.merchant_id = ? and c.rma_id = ?").params(merchantId, rmaId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The choice's columns of {@code rma_customer_choice c}, named apart from the rma row's when joined to it. */
    static final String COLUMNS = "c.rma_id as choice_rma_id, c.resolution as choice_resolution, c.exchange_sku as choice_exchange_sku, "
            + "c.exchange_title as choice_exchange_title, c.exchange_price as choice_exchange_price, "
            + "c.price_difference as choice_price_difference, c.currency as choice_currency";

    /** The choice in a row selected with {@link #COLUMNS}; null when the row has none (an outer join found no choice). */
    static CustomerChoice map(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (rs.getObject("choice_rma_id") == null) {
            return null;
        }
        int digits = org.joda.money.CurrencyUnit.of(rs.getString("choice_currency")).getDecimalPlaces();
        return new CustomerChoice(Vocabulary.parse(Resolution.class, rs.getString("choice_resolution")).orElse(null),
                rs.getString("choice_exchange_sku"), rs.getString("choice_exchange_title"), plain(rs.getBigDecimal("choice_exchange_price"), digits),
                plain(rs.getBigDecimal("choice_price_difference"), digits), rs.getString("choice_currency"));
    }

    private static BigDecimal decimal(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

    private static String plain(BigDecimal amount, int digits) {
        return amount == null ? null : amount.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
