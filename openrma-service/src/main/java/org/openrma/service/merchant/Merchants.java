package org.openrma.service.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchants table. */
@Repository
public class Merchants {

    private final JdbcClient jdbc;

    public Merchants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Merchant get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("merchant " + id + " vanished"));
    }

    public Optional<Merchant> find(UUID id) {
        return jdbc.sql("select * from merchant where id = ?").param(id).query(Merchants::map).optional();
    }

    public Optional<Merchant> findBySlug(String slug) {
        return jdbc.sql("select * from merchant where slug = ?").param(slug).query(Merchants::map).optional();
    }

    public void insert(Merchant m) {
        jdbc.sql("""
                insert into merchant (id, slug, name, policy_id, time_zone, support_email, webhook_url, webhook_secret,
                    smtp_host, smtp_port, smtp_username, smtp_password, smtp_from, smtp_starttls, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.slug(), m.name(), m.policyId(), m.timeZone().getId(), m.supportEmail(), m.webhookUrl(),
                        m.webhookSecret(), m.smtp().host(), m.smtp().port(), m.smtp().username(), m.smtp().password(),
                        m.smtp().from(), m.smtp().startTls(), java.sql.Timestamp.from(m.createdAt()))
                .update();
    }

    /** Saves new settings if nobody changed the merchant since {@code m.version()} was read. */
    public boolean update(Merchant m) {
        return jdbc.sql("""
                update merchant set name = ?, policy_id = ?, time_zone = ?, support_email = ?, webhook_url = ?,
                    smtp_host = ?, smtp_port = ?, smtp_username = ?, smtp_password = ?, smtp_from = ?, smtp_starttls = ?,
                    webhook_secret = ?, version = version + 1
                where id = ? and version = ?""")
                .params(m.name(), m.policyId(), m.timeZone().getId(), m.supportEmail(), m.webhookUrl(), m.smtp().host(),
                        m.smtp().port(), m.smtp().username(), m.smtp().password(), m.smtp().from(), m.smtp().startTls(),
                        m.webhookSecret(), m.id(), m.version())
                .update() == 1;
    }

    static Merchant map(ResultSet rs, int row) throws SQLException {
        Integer port = (Integer) rs.getObject("smtp_port");
        return new Merchant(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"), rs.getString("policy_id"),
                ZoneId.of(rs.getString("time_zone")), rs.getString("support_email"), rs.getString("webhook_url"),
                rs.getString("webhook_secret"),
                new Merchant.Smtp(rs.getString("smtp_host"), port, rs.getString("smtp_username"), rs.getString("smtp_password"),
                        rs.getString("smtp_from"), rs.getBoolean("smtp_starttls")),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
