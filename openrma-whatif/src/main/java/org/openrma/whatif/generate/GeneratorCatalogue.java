package org.openrma.whatif.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.openrma.claim.Channel;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.ShippingMethod;
import org.openrma.claim.Vocabulary;
import org.openrma.whatif.WhatIfInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a synthetic claim history for one policy looks like: products, prices, sales channels and
 * the mix of requests. Read from a YAML file ({@code openrma/generator/<policy>.yaml} on the class
 * path, or a file given with {@code --catalogue}); every word is checked against the claim
 * vocabulary when loading, so every generated claim is valid.
 *
 * <pre>
 * policy: my-shop                     # the policy the claims are meant for
 * currency: USD
 * order_prefix: KSP
 * channels: { official_store: 78, authorized_dealer: 12 }           # relative weights
 * shipping: [ { method: economy, amount: "0.00", weight: 60 } ]
 * products: [ { sku: A, category: smartwatch, price: ["89.99", "129.99"], weight: 30, tags: [] } ]
 * quantity: { "1": 90, "2": 10 }       # optional, default always 1
 * second_item_share: 0.1              # share of orders with one accessory as well
 * accessories: [ { sku: B, category: strap, price: ["9.99", "19.99"] } ]
 * gifts: { share: 0.25, items: [ { sku: G, category: strap, retail_value: "19.99" } ] }
 * keeps_free_gifts_share: 0.2
 * customs: { share: 0.1, amount: ["4.00", "38.00"] }        # customs on the return leg
 * return_shipping: { share: 0.5, amount: ["6.00", "32.00"] } # the customer's postage receipt
 * protection_plan: { share: 0.08, plan: care_plus }
 * defaults:                           # the mix for every request type, unless it says otherwise
 *   conditions: { unopened: 45, used: 20 }                   # weights
 *   evidence: { photo: 0.6 }          # probability of each, independently
 *   facts: { water_damage: 0.04 }     # probability of each, independently
 *   inspection: { share: 0.35, findings: { defect_confirmed: 60 } }
 * requests:                           # kind, reason, weight, delay and any override of the defaults
 *   - { kind: return, reason: changed_mind, weight: 30, delay: short }
 * </pre>
 *
 * Delays: {@code short}, {@code first_week}, {@code long} (days after delivery), {@code before_delivery}
 * (hours after the order; the parcel is not delivered) and {@code overdue} (weeks after shipping).
 */
public record GeneratorCatalogue(
        String policy,
        CurrencyUnit currency,
        String orderPrefix,
        Weighted<Channel> channels,
        Weighted<Shipping> shipping,
        Weighted<Product> products,
        Weighted<Integer> quantity,
        double secondItemShare,
        List<Product> accessories,
        double giftShare,
        List<Gift> gifts,
        double keepsFreeGiftsShare,
        Cost customs,
        Cost returnShipping,
        double protectionPlanShare,
        String protectionPlan,
        Weighted<RequestType> requests) {

    /** Where the catalogues shipped with OpenRMA live on the class path. */
    static final String RESOURCE_FOLDER = "/openrma/generator/";

    public record Shipping(ShippingMethod method, BigDecimal amount) {}

    public record Product(String sku, String category, BigDecimal lowest, BigDecimal highest, List<String> tags) {}

    public record Gift(String sku, String category, BigDecimal retailValue) {}

    /** An amount drawn between two bounds, for a share of the claims. */
    public record Cost(double share, BigDecimal lowest, BigDecimal highest) {
        static final Cost NONE = new Cost(0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public record Inspection(double share, Weighted<Finding> findings) {}

    /** The claims of one kind and reason: when they are filed and what they say. */
    public record RequestType(ClaimKind kind, Reason reason, DelayProfile delay, Weighted<ItemCondition> conditions,
            Map<Evidence, Double> evidence, Map<Fact, Double> facts, Inspection inspection) {}

    /** The policy ids that have a catalogue built in. */
    public static List<String> builtInPolicies() {
        return resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.replaceFirst("\\.ya?ml$", "")).toList();
    }

    public static GeneratorCatalogue builtIn(String policy) {
        if (!builtInPolicies().contains(policy)) {
            throw new WhatIfInputException("--policy: no claim catalogue for policy '" + policy + "'; built in: "
                    + String.join(", ", builtInPolicies()) + " (or describe the products with --catalogue FILE)");
        }
        return parse(resource(policy + ".yaml"), "built-in catalogue " + policy + ".yaml");
    }

    private static String resource(String name) {
        try (InputStream in = GeneratorCatalogue.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalogue, collecting every problem (with the key it concerns) before failing. */
    public static GeneratorCatalogue parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(yaml);
        } catch (JacksonException e) {
            throw new WhatIfInputException(source + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new WhatIfInputException(source + " must be a YAML mapping");
        }
        Reader r = new Reader();
        GeneratorCatalogue catalogue = r.catalogue(root);
        if (!r.problems.isEmpty()) {
            throw new WhatIfInputException("the claim catalogue " + source + " has problems:", r.problems);
        }
        return catalogue;
    }

    /** Reads the tree, remembering each problem with its key. */
    private static final class Reader {
        final List<String> problems = new ArrayList<>();

        GeneratorCatalogue catalogue(JsonNode n) {
            String policy = text(n, "policy", "policy");
            CurrencyUnit currency = CurrencyUnit.USD;
            try {
                currency = CurrencyUnit.of(text(n, "currency", "currency"));
            } catch (IllegalCurrencyException | NullPointerException e) {
                problems.add("currency: expected an ISO 4217 code such as USD");
            }
            String prefix = n.has("order_prefix") ? text(n, "order_prefix", "order_prefix") : "ORD";
            Weighted<Channel> channels = weights(n.get("channels"), "channels", Channel.class);
            Map<Shipping, Long> ship = new LinkedHashMap<>();
            forEach(n, "shipping", (s, at) -> ship.put(new Shipping(word(s, "method", at, ShippingMethod.class),
                    amount(s.get("amount"), at + ".amount")), weight(s, at)));
            Map<Product, Long> products = new LinkedHashMap<>();
            forEach(n, "products", (p, at) -> products.put(product(p, at), weight(p, at)));
            List<Product> accessories = new ArrayList<>();
            forEach(n, "accessories", (p, at) -> accessories.add(product(p, at)));
            Map<Integer, Long> quantities = new LinkedHashMap<>();
            if (n.get("quantity") instanceof JsonNode q && q.isObject()) {
                q.properties().forEach(e -> {
                    try {
                        quantities.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
                    } catch (NumberFormatException ex) {
                        problems.add("quantity." + e.getKey() + ": expected a whole number of units");
                    }
                });
            } else {
                quantities.put(1, 1L);
            }
            JsonNode giftNode = n.path("gifts");
            List<Gift> gifts = new ArrayList<>();
            forEach(giftNode, "items", (g, at) -> gifts.add(new Gift(text(g, "sku", "gifts." + at), text(g, "category", "gifts." + at),
                    amount(g.get("retail_value"), "gifts." + at + ".retail_value"))));
            JsonNode plan = n.path("protection_plan");
            Mix defaults = mix(n.path("defaults"), "defaults", null);
            Map<RequestType, Long> requests = new LinkedHashMap<>();
            forEach(n, "requests", (q, at) -> {
                Mix m = mix(q, at, defaults);
                DelayProfile delay = null;
                try {
                    delay = DelayProfile.valueOf(text(q, "delay", at).toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(at + ".delay: expected one of short, first_week, long, before_delivery, overdue");
                }
                requests.put(new RequestType(word(q, "kind", at, ClaimKind.class), word(q, "reason", at, Reason.class), delay,
                        m.conditions(), m.evidence(), m.facts(), m.inspection()), weight(q, at));
            });
            if (products.isEmpty()) {
                problems.add("products: at least one product is needed");
            }
            if (requests.isEmpty()) {
                problems.add("requests: at least one request type is needed");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new GeneratorCatalogue(policy, currency, prefix, channels, Weighted.of(ship), Weighted.of(products),
                    Weighted.of(quantities), share(n.get("second_item_share"), "second_item_share"), accessories,
                    share(giftNode.get("share"), "gifts.share"), gifts, n.has("keeps_free_gifts_share")
                            ? share(n.get("keeps_free_gifts_share"), "keeps_free_gifts_share") : 0.2,
                    cost(n.get("customs"), "customs"), cost(n.get("return_shipping"), "return_shipping"),
                    share(plan.get("share"), "protection_plan.share"), plan.path("plan").asString(null), Weighted.of(requests));
        }

        private record Mix(Weighted<ItemCondition> conditions, Map<Evidence, Double> evidence, Map<Fact, Double> facts, Inspection inspection) {}

        private Mix mix(JsonNode n, String at, Mix defaults) {
            Weighted<ItemCondition> conditions = n.has("conditions") ? weights(n.get("conditions"), at + ".conditions", ItemCondition.class)
                    : defaults != null ? defaults.conditions() : null;
            Map<Evidence, Double> evidence = n.has("evidence") ? shares(n.get("evidence"), at + ".evidence", Evidence.class)
                    : defaults != null ? defaults.evidence() : Map.of();
            Map<Fact, Double> facts = n.has("facts") ? shares(n.get("facts"), at + ".facts", Fact.class)
                    : defaults != null ? defaults.facts() : Map.of();
            Inspection inspection = defaults != null ? defaults.inspection() : null;
            if (n.get("inspection") instanceof JsonNode i && i.isObject()) {
                inspection = new Inspection(share(i.get("share"), at + ".inspection.share"),
                        weights(i.get("findings"), at + ".inspection.findings", Finding.class));
            }
            if (defaults == null && conditions == null) {
                problems.add(at + ".conditions: the defaults need item conditions");
            }
            return new Mix(conditions, evidence, facts, inspection);
        }

        private Product product(JsonNode p, String at) {
            JsonNode price = p.path("price");
            List<String> tags = new ArrayList<>();
            p.path("tags").values().forEach(t -> tags.add(t.asString()));
            if (!price.isArray() || price.size() != 2) {
                problems.add(at + ".price: expected [lowest, highest], such as [\"89.99\", \"129.99\"]");
                return new Product(text(p, "sku", at), text(p, "category", at), BigDecimal.ONE, BigDecimal.ONE, tags);
            }
            return new Product(text(p, "sku", at), text(p, "category", at), amount(price.get(0), at + ".price[0]"),
                    amount(price.get(1), at + ".price[1]"), tags);
        }

        private Cost cost(JsonNode n, String at) {
            if (n == null || n.isNull()) {
                return Cost.NONE;
            }
            JsonNode range = n.path("amount");
            if (!range.isArray() || range.size() != 2) {
                problems.add(at + ".amount: expected [lowest, highest]");
                return Cost.NONE;
            }
            return new Cost(share(n.get("share"), at + ".share"), amount(range.get(0), at + ".amount[0]"), amount(range.get(1), at + ".amount[1]"));
        }

        private void forEach(JsonNode n, String key, java.util.function.BiConsumer<JsonNode, String> each) {
            JsonNode list = n.get(key);
            if (list == null || list.isNull()) {
                return;
            }
            if (!list.isArray()) {
                problems.add(key + ": expected a list");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                each.accept(list.get(i), key + "[" + i + "]");
            }
        }

        private String text(JsonNode n, String key, String at) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull() || v.asString().isBlank()) {
                problems.add((at.equals(key) ? key : at + "." + key) + ": is required");
                return null;
            }
            return v.asString();
        }

        private long weight(JsonNode n, String at) {
            long w = n.path("weight").asLong(1);
            if (w < 0) {
                problems.add(at + ".weight: must not be negative");
            }
            return Math.max(0, w);
        }

        private double share(JsonNode n, String at) {
            if (n == null || n.isNull()) {
                return 0;
            }
            double s = n.asDouble(-1);
            if (!n.isNumber() || s < 0 || s > 1) {
                problems.add(at + ": expected a share from 0 to 1");
                return 0;
            }
            return s;
        }

        private BigDecimal amount(JsonNode n, String at) {
            try {
                BigDecimal a = new BigDecimal(n.asString());
                if (a.signum() < 0 || a.scale() > 2) {
                    throw new NumberFormatException();
                }
                return a.setScale(2);
            } catch (NumberFormatException | NullPointerException e) {
                problems.add(at + ": expected an amount such as \"19.99\"");
                return BigDecimal.ZERO.setScale(2);
            }
        }

        private <E extends Enum<E> & Vocabulary> E word(JsonNode n, String key, String at, Class<E> type) {
            String s = text(n, key, at);
            if (s == null) {
                return null;
            }
            return Vocabulary.parse(type, s).orElseGet(() -> {
                problems.add(at + "." + key + ": unknown value '" + s + "'; expected one of " + Vocabulary.allowed(type));
                return null;
            });
        }

        private <E extends Enum<E> & Vocabulary> Weighted<E> weights(JsonNode n, String at, Class<E> type) {
            Map<E, Long> weights = new LinkedHashMap<>();
            if (n == null || !n.isObject() || n.isEmpty()) {
                problems.add(at + ": expected weights such as { " + type.getEnumConstants()[0].wire() + ": 10 }");
                return null;
            }
            n.properties().forEach(e -> Vocabulary.parse(type, e.getKey()).ifPresentOrElse(
                    w -> weights.put(w, Math.max(0, e.getValue().asLong())),
                    () -> problems.add(at + "." + e.getKey() + ": unknown value; expected one of " + Vocabulary.allowed(type))));
            if (weights.values().stream().mapToLong(Long::longValue).sum() <= 0) {
                problems.add(at + ": needs at least one positive weight");
                return null;
            }
            return Weighted.of(weights);
        }

        private <E extends Enum<E> & Vocabulary> Map<E, Double> shares(JsonNode n, String at, Class<E> type) {
            Map<E, Double> shares = new LinkedHashMap<>();
            if (n == null || !n.isObject()) {
                problems.add(at + ": expected shares such as { " + type.getEnumConstants()[0].wire() + ": 0.5 }");
                return shares;
            }
            n.properties().forEach(e -> Vocabulary.parse(type, e.getKey()).ifPresentOrElse(
                    w -> shares.put(w, share(e.getValue(), at + "." + e.getKey())),
                    () -> problems.add(at + "." + e.getKey() + ": unknown value; expected one of " + Vocabulary.allowed(type))));
            return shares;
        }
    }

    /** Kinds whose request lines name the goods sent back or claimed on. */
    static final Set<ClaimKind> ABOUT_GOODS = Set.of(ClaimKind.RETURN, ClaimKind.WARRANTY);
}
