package org.openrma.service.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.Caller;
import org.openrma.service.access.StaffAccounts;
import org.openrma.service.catalogue.ProductCatalogue;
import org.openrma.service.catalogue.Products;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.access.Secrets;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.shipping.ReturnAddress;
import org.openrma.service.shipping.ShippingSettings;
import org.openrma.service.shipping.ShippingSettingsStore;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Demo data for a first run, read from {@code seed/demo-merchants.json} (merchants, their policy
 * and recent orders dated relative to today) and {@code seed/demo-orders.json} (the orders of the
 * conformance scenarios, by merchant). Each merchant gets a well-known admin and agent API key,
 * {@code ork_demo_<slug>_admin|agent}. Runs once (a merchant that exists is left alone), under an
 * advisory lock so that several instances starting together seed once. Turn off with
 * {@code OPENRMA_SEED_ENABLED=false}; never use the demo keys in production.
 */
@Component
public class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final OpenRmaProperties properties;
    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StaffAccounts staff;
    private final ShippingSettingsStore shipping;
    private final MerchantPolicies policies;
    private final Products products;

    public DemoSeed(OpenRmaProperties properties, Merchants merchants, ApiKeys apiKeys, Orders orders, JdbcClient jdbc,
                    TransactionTemplate tx, Clock clock, StaffAccounts staff, ShippingSettingsStore shipping, MerchantPolicies policies,
                    Products products) {
        this.policies = policies;
        this.products = products;
        this.staff = staff;
        this.shipping = shipping;
        this.properties = properties;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.orders = orders;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** The slugs of the demo merchants the seed creates, in the order of {@code seed/demo-merchants.json}. */
    public static List<String> demoSlugs() {
        List<String> slugs = new ArrayList<>();
        load("/seed/demo-merchants.json").values().forEach(m -> slugs.add(m.get("slug").asString()));
        return slugs;
    }

    public static String demoKey(String slug, Caller.Role role) {
        return ApiKeys.PREFIX + "demo_" + slug + "_" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seed().enabled()) {
            return;
        }
        JsonNode demoMerchants = load("/seed/demo-merchants.json");
        JsonNode scenarioOrders = load("/seed/demo-orders.json");
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(4242)").query(Object.class).single();
            for (JsonNode m : demoMerchants.values()) {
                String slug = m.get("slug").asString();
                var existing = merchants.findBySlug(slug);
                if (existing.isPresent()) {
                    demoStaff(existing.get(), m.path("staff_password_hashes"));
                    returnAddresses(existing.get().id(), m.path("return_addresses"));
                    continue;
                }
                Merchant merchant = new Merchant(UUID.randomUUID(), slug, m.get("name").asString(), m.get("policy").asString(),
                        ZoneId.of("UTC"), "support@" + slug + ".example", null, "whsec_" + Secrets.random(24),
                        new Merchant.Smtp(null, null, null, null, null, false), clock.instant(), 0);
                merchants.insert(merchant);
                apiKeys.store(merchant.id(), "demo admin", Caller.Role.ADMIN, demoKey(slug, Caller.Role.ADMIN));
                apiKeys.store(merchant.id(), "demo agent", Caller.Role.AGENT, demoKey(slug, Caller.Role.AGENT));
                demoStaff(merchant, m.path("staff_password_hashes"));
                returnAddresses(merchant.id(), m.path("return_addresses"));
                if (m.hasNonNull("policy_file")) {
                    // a demo merchant on one of the example policies (examples/, packaged under seed/policies)
                    String file = m.get("policy_file").asString();
                    policies.upload(new Caller.Staff(merchant.id(), null, "seed", Caller.Role.ADMIN), file, text("/seed/policies/" + file));
                }
                if (m.has("products")) {
                    products.replace(merchant.id(), Json.MAPPER.treeToValue(Json.object().set("products", m.get("products")), ProductCatalogue.class));
                }
                List<JsonNode> all = new ArrayList<>(recentOrders(m.path("recent_orders")));
                scenarioOrders.path(slug).values().forEach(all::add);
                for (JsonNode order : all) {
                    orders.insert(merchant.id(), UUID.randomUUID(), OrderManagement.parse(order, ""), order, clock.instant(), "seed");
                }
                log.info("Seeded demo merchant '{}' ({} orders); admin key {}, agent key {}", slug, all.size(),
                        demoKey(slug, Caller.Role.ADMIN), demoKey(slug, Caller.Role.AGENT));
            }
        });
    }

    /** The demo sign-in of the console: {@code admin@<slug>.example} / {@code demo-<slug>-admin}, and the same for agent. */
    public static String demoEmail(String slug, Caller.Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "@" + slug + ".example";
    }

    public static String demoPassword(String slug, Caller.Role role) {
        return "demo-" + slug + "-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The hashes are those of {@link #demoPassword}, computed once (a test checks they match). */
    /** The demo return addresses, for a merchant that has no shipping settings yet (also one seeded before they existed). */
    private void returnAddresses(UUID merchantId, JsonNode addresses) {
        if (addresses.isArray() && shipping.get(merchantId).version() < 0) {
            List<ReturnAddress> list = new ArrayList<>();
            addresses.values().forEach(a -> list.add(Json.MAPPER.treeToValue(a, ReturnAddress.class)));
            shipping.save(merchantId, new ShippingSettings(list, null, null, 0), -1);
        }
    }

    private void demoStaff(Merchant merchant, JsonNode passwordHashes) {
        for (Caller.Role role : Caller.Role.values()) {
            String email = demoEmail(merchant.slug(), role);
            if (!staff.exists(email)) {
                JsonNode hash = passwordHashes.path(role.name().toLowerCase(java.util.Locale.ROOT));
                if (hash.isString()) {
                    staff.createWithHash(merchant.id(), email, role, hash.asString(), "seed");
                } else {
                    staff.create(merchant.id(), email, role, demoPassword(merchant.slug(), role), "seed");
                }
                log.info("Demo staff account {} (password {}) for merchant '{}'", email, demoPassword(merchant.slug(), role), merchant.slug());
            }
        }
    }

    /** Orders whose dates are given as days before today, so a claim filed now falls inside the policy's windows. */
    private List<JsonNode> recentOrders(JsonNode templates) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : templates.values()) {
            ObjectNode order = ((ObjectNode) t.get("order")).deepCopy();
            for (var e : t.path("days_ago").properties()) {
                order.put(e.getKey(), now.minus(Duration.ofDays(e.getValue().asInt())).toString());
            }
            out.add(order);
        }
        return out;
    }

    private static String text(String resource) {
        try (InputStream in = DemoSeed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the seed names " + resource + ", which is not packaged");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load(String resource) {
        try (InputStream in = DemoSeed.class.getResourceAsStream(resource)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
