package org.openrma.service.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The zero-setup start: demo merchants with known keys and the scenario orders. */
class DemoSeedIntegrationTests extends IntegrationTest {

    @Test
    void demoMerchantsAreSeededWithWorkingKeysAndOrders() {
        JsonNode me = api.get("/api/v1/merchant").key(DemoSeed.demoKey("kospet", Caller.Role.ADMIN)).send().json();
        assertThat(me.get("policy").asString()).isEqualTo("kospet");
        JsonNode orders = api.get("/api/v1/orders").key(DemoSeed.demoKey("kospet", Caller.Role.AGENT)).send().json();
        assertThat(orders.get("total").asLong()).isEqualTo(11);
        assertThat(api.get("/api/v1/orders/KSP-2404-51873").key(DemoSeed.demoKey("kospet", Caller.Role.AGENT)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/KSP-2404-51873").key(DemoSeed.demoKey("kingdo", Caller.Role.AGENT)).send().status()).isEqualTo(404);
    }

    @Test
    void theFashionDemoStoreRunsTheExamplePolicyWithACatalogueAndAnOrderWithProducts() {
        String agent = DemoSeed.demoKey("linen-loom", Caller.Role.AGENT);
        assertThat(api.get("/api/v1/policies").key(agent).send().text()).contains("\"linen-loom\"");
        assertThat(api.get("/api/v1/merchant/products").key(agent).send().json().get("products").get(0).get("variants").size()).isEqualTo(4);
        JsonNode line = api.get("/api/v1/orders/LL-DEMO-4001").key(agent).send().json().get("document").get("lines").get(0);
        assertThat(line.get("title").asString()).isEqualTo("Linen shirt");
        assertThat(line.get("image_url").asString()).startsWith("/images/products/");
    }

    @Test
    void everyDemoStaffAccountSignsInWithItsPublishedPassword(@org.springframework.beans.factory.annotation.Autowired
                                                              org.springframework.security.crypto.password.PasswordEncoder passwords) {
        for (String slug : java.util.List.of("kst", "kospet", "kingdo")) {
            for (Caller.Role role : Caller.Role.values()) {
                String stored = jdbc.sql("select password_hash from staff_account where email = ?")
                        .param(DemoSeed.demoEmail(slug, role)).query(String.class).single();
                assertThat(passwords.matches(DemoSeed.demoPassword(slug, role), stored)).as(slug + " " + role).isTrue();
                assertThat(passwords.matches("demo-" + slug + "-wrong", stored)).isFalse();
            }
        }
    }

    @Test
    void seedingTwiceChangesNothing(@org.springframework.beans.factory.annotation.Autowired DemoSeed seed) {
        long before = jdbc.sql("select count(*) from customer_order").query(Long.class).single();
        seed.run(null);
        assertThat(jdbc.sql("select count(*) from customer_order").query(Long.class).single()).isEqualTo(before);
    }
}
