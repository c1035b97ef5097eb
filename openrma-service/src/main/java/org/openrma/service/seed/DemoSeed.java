package org.openrma.service.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.order.OrderManagement;
import org.openrma.service.order.Orders;
import org.openrma.service.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Demo data for a first run: three merchants on the built-in policies, each with a well-known
 * admin and agent API key, and the orders of the conformance scenarios. Runs once (a merchant
 * that exists is left alone), under an advisory lock so several instances starting together
 * seed once. Turn off with {@code OPENRMA_SEED_ENABLED=false}; never use the demo keys in production.
 */
@Component
public class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    /** slug, name, policy. */
    static final List<String[]> MERCHANTS = List.of(
            new String[] {"kst", "KST Servos (demo)", "kst-servos"},
            new String[] {"kospet", "KOSPET (demo)", "kospet"},
            new String[] {"kingdo", "Kingdo (demo)", "kingdo"});

    private final OpenRmaProperties properties;
    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DemoSeed(OpenRmaProperties properties, Merchants merchants, ApiKeys apiKeys, Orders orders, JdbcClient jdbc,
                    TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.orders = orders;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public static String demoKey(String slug, Caller.Role role) {
        return ApiKeys.PREFIX + "demo_" + slug + "_" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seed().enabled()) {
            return;
        }
        JsonNode demoOrders = load();
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(4242)").query(Object.class).single();
            for (String[] m : MERCHANTS) {
                if (merchants.findBySlug(m[0]).isPresent()) {
                    continue;
                }
                Merchant merchant = new Merchant(UUID.randomUUID(), m[0], m[1], m[2], ZoneOffset.UTC, "support@" + m[0] + ".example",
                        null, "whsec_" + Secrets.random(24), new Merchant.Smtp(null, null, null, null, null, false), clock.instant(), 0);
                merchants.insert(merchant);
                apiKeys.store(merchant.id(), "demo admin", Caller.Role.ADMIN, demoKey(m[0], Caller.Role.ADMIN));
                apiKeys.store(merchant.id(), "demo agent", Caller.Role.AGENT, demoKey(m[0], Caller.Role.AGENT));
                int count = 0;
                for (JsonNode order : demoOrders.path(m[0]).values()) {
                    var parsed = OrderManagement.parse(order, "");
                    orders.insert(merchant.id(), UUID.randomUUID(), parsed, order, clock.instant(), "seed");
                    count++;
                }
                log.info("Seeded demo merchant '{}' ({} orders); admin key {}, agent key {}", m[0], count,
                        demoKey(m[0], Caller.Role.ADMIN), demoKey(m[0], Caller.Role.AGENT));
            }
        });
    }

    private static JsonNode load() {
        try (InputStream in = DemoSeed.class.getResourceAsStream("/seed/demo-orders.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
