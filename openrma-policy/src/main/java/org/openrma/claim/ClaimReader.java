package org.openrma.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.InvalidClaimException.FieldProblem;
import org.openrma.reading.JsonReader;
import org.openrma.decision.Resolution;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a claim from JSON or YAML (the shape the REST API accepts) and checks it, collecting every
 * problem with the path of the field it concerns before giving up.
 */
public final class ClaimReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private ClaimReader() {}

    /** Reads JSON, or YAML (a superset), from text. */
    public static Claim read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidClaimException(List.of(new FieldProblem("(document)", "is empty; expected a claim with 'order' and 'request'")));
        }
        JsonNode tree;
        try {
            tree = text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidClaimException(List.of(new FieldProblem("(document)", "not valid JSON or YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""))));
        }
        return fromTree(tree);
    }

    public static Claim read(InputStream in) {
        try {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts an already parsed tree (for example the {@code claim} of a scenario file). */
    public static Claim fromTree(JsonNode tree) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonReader f = reader(problems);
        if (tree == null || !tree.isObject()) {
            throw new InvalidClaimException(List.of(new FieldProblem("(document)", "expected an object with 'order' and 'request'")));
        }
        f.allowOnly(tree, "", Set.of("order", "request", "statutory_info"));
        LegalParts legal = new LegalParts();
        Order order = f.required(tree, "", "order", n -> readOrder(f, n, "order", legal));
        Request request = f.required(tree, "", "request", n -> readRequest(f, n, "request", order, legal));
        f.optional(tree, "", "statutory_info", n -> {
            f.allowOnly(n, "statutory_info", Set.of("withdrawal_info_given", "return_cost_info_given", "info_given_at"));
            legal.withdrawalInfoGiven = f.bool(n, "statutory_info", "withdrawal_info_given");
            legal.returnCostInfoGiven = f.bool(n, "statutory_info", "return_cost_info_given");
            legal.infoGivenAt = f.instant(n, "statutory_info", "info_given_at", false);
            return n;
        });
        if (order != null && request != null) {
            crossCheck(f, order, request);
        }
        throwIfAny(problems);
        return new Claim(order, request, legal.build());
    }

    /**
     * Reads an order on its own (an order imported before any claim), checked as a claim's order is;
     * problems are named by their path inside the order ({@code lines[0].sku}).
     */
    public static Order orderFromTree(JsonNode tree) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonReader f = reader(problems);
        if (tree == null || !tree.isObject()) {
            throw new InvalidClaimException(List.of(new FieldProblem("(document)", "expected the order as an object")));
        }
        Order order = readOrder(f, tree, "", new LegalParts());
        throwIfAny(problems);
        return order;
    }

    private static JsonReader reader(List<FieldProblem> problems) {
        return new JsonReader((field, message) -> problems.add(new FieldProblem(field, message)));
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidClaimException(problems);
        }
    }

    /** The consumer-law inputs, gathered from wherever they sit in the claim's shape. */
    private static final class LegalParts {
        String country;
        Boolean consumer;
        SalesChannel salesChannel;
        Money cheapestStandard;
        List<LegalFacts.Shipment> shipments = List.of();
        Boolean withdrawalInfoGiven;
        Boolean returnCostInfoGiven;
        Instant infoGivenAt;
        Instant noticeSentAt;
        String chosenRemedy;
        Integer repairAttempts;
        String failure;
        Map<String, Money> diminishedValue = new java.util.LinkedHashMap<>();
        Map<String, Money> useDeduction = new java.util.LinkedHashMap<>();

        LegalFacts build() {
            return new LegalFacts(country, consumer, salesChannel, cheapestStandard, shipments, withdrawalInfoGiven, returnCostInfoGiven,
                    infoGivenAt, noticeSentAt, chosenRemedy, repairAttempts, failure, diminishedValue, useDeduction);
        }
    }

    /** The remedies a consumer may name under consumer law. */
    private static final List<String> STATUTORY_REMEDIES = List.of("price_reduction", "refund", "repair", "replacement");

    private static Order readOrder(JsonReader f, JsonNode n, String at, LegalParts legal) {
        f.allowOnly(n, at, Set.of("number", "channel", "placed_at", "shipped_at", "delivered_at", "delivery_status",
                "currency", "shipping", "customer", "lines", "attributes", "sales_channel", "shipments"));
        legal.salesChannel = f.word(n, at, "sales_channel", SalesChannel.class, false);
        String number = f.string(n, at, "number", true);
        Channel channel = f.word(n, at, "channel", Channel.class, true);
        Instant placed = f.instant(n, at, "placed_at", true);
        Instant shipped = f.instant(n, at, "shipped_at", false);
        Instant delivered = f.instant(n, at, "delivered_at", false);
        DeliveryStatus status = f.word(n, at, "delivery_status", DeliveryStatus.class, false);
        CurrencyUnit currency = f.currency(n, at, "currency");
        if (status == null) {
            status = delivered != null ? DeliveryStatus.DELIVERED : shipped != null ? DeliveryStatus.IN_TRANSIT : DeliveryStatus.NOT_SHIPPED;
        }
        if (placed != null && shipped != null && shipped.isBefore(placed)) {
            f.report(JsonReader.path(at, "shipped_at"), "is before order.placed_at (" + placed + ")");
        }
        if (placed != null && delivered != null && delivered.isBefore(placed)) {
            f.report(JsonReader.path(at, "delivered_at"), "is before order.placed_at (" + placed + ")");
        }
        if (shipped != null && delivered != null && delivered.isBefore(shipped)) {
            f.report(JsonReader.path(at, "delivered_at"), "is before order.shipped_at (" + shipped + ")");
        }
        if (status == DeliveryStatus.DELIVERED && delivered == null && n.has("delivery_status")) {
            f.report(JsonReader.path(at, "delivered_at"), "is required when delivery_status is delivered");
        }
        CurrencyUnit cur = currency != null ? currency : CurrencyUnit.USD;
        Order.Shipping shipping = f.optional(n, at, "shipping", s -> {
            f.allowOnly(s, JsonReader.path(at, "shipping"), Set.of("method", "amount", "cheapest_standard_amount"));
            ShippingMethod method = f.word(s, JsonReader.path(at, "shipping"), "method", ShippingMethod.class, false);
            Money amount = f.money(s, JsonReader.path(at, "shipping"), "amount", cur, false);
            legal.cheapestStandard = f.money(s, JsonReader.path(at, "shipping"), "cheapest_standard_amount", cur, false);
            return new Order.Shipping(method != null ? method : ShippingMethod.ECONOMY, amount != null ? amount : Money.zero(cur));
        });
        if (shipping == null) {
            shipping = new Order.Shipping(ShippingMethod.ECONOMY, Money.zero(cur));
        }
        Customer customer = f.optional(n, at, "customer", c -> readCustomer(f, c, JsonReader.path(at, "customer"), legal));
        List<LegalFacts.Shipment> shipments = f.list(n, at, "shipments", false, (s, path) -> {
            f.allowOnly(s, path, Set.of("delivered_at", "skus"));
            Instant arrived = f.instant(s, path, "delivered_at", false);
            if (arrived != null && placed != null && arrived.isBefore(placed)) {
                f.report(path + ".delivered_at", "is before order.placed_at (" + placed + ")");
            }
            List<String> skus = f.list(s, path, "skus", false, (v, p) -> f.stringValue(v, p));
            return new LegalFacts.Shipment(arrived, skus == null ? List.of() : skus.stream().filter(java.util.Objects::nonNull).toList());
        });
        if (shipments != null) {
            legal.shipments = shipments.stream().filter(java.util.Objects::nonNull).toList();
        }
        if (customer == null) {
            customer = new Customer(null, null, null, Map.of(), List.of());
        }
        List<OrderLine> lines = f.list(n, at, "lines", true, (line, path) -> readOrderLine(f, line, path, cur));
        if (lines != null && lines.isEmpty()) {
            f.report(JsonReader.path(at, "lines"), "an order needs at least one line");
        }
        if (lines != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) != null && !seen.add(lines.get(i).sku())) {
                    f.report(JsonReader.path(at, "lines[") + i + "].sku", "'" + lines.get(i).sku() + "' appears on more than one line");
                }
            }
        }
        if (f.hasProblems()) {
            return null;
        }
        return new Order(number, channel, placed, shipped, delivered, status, cur, shipping, customer, lines, f.stringMap(n, at, "attributes"));
    }

    private static Customer readCustomer(JsonReader f, JsonNode c, String at, LegalParts legal) {
        f.allowOnly(c, at, Set.of("id", "email", "tier", "attributes", "previous_returns", "history", "country", "is_consumer"));
        String country = f.string(c, at, "country", false);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            f.report(JsonReader.path(at, "country"), "'" + country + "' is not a country code; expected ISO 3166 alpha-2 such as DE or GB");
        } else if (country != null) {
            legal.country = country.toUpperCase(java.util.Locale.ROOT);
        }
        legal.consumer = f.bool(c, at, "is_consumer");
        List<Instant> previous = f.list(c, at, "previous_returns", false, (node, path) -> f.instantValue(node, path));
        List<PastClaim> history = f.list(c, at, "history", false, (node, path) -> {
            f.allowOnly(node, path, Set.of("kind", "submitted_at", "reason", "resolution", "sku", "category"));
            ClaimKind kind = f.word(node, path, "kind", ClaimKind.class, true);
            Instant submitted = f.instant(node, path, "submitted_at", true);
            Resolution resolution = f.word(node, path, "resolution", Resolution.class, false);
            String reason = f.string(node, path, "reason", false);
            if (kind == null || submitted == null) {
                return null;
            }
            return new PastClaim(kind.wire(), submitted, reason, resolution == null ? null : resolution.wire(), f.string(node, path, "sku", false),
                    f.string(node, path, "category", false));
        });
        return new Customer(f.string(c, at, "id", false), f.string(c, at, "email", false), f.string(c, at, "tier", false),
                f.stringMap(c, at, "attributes"), previous == null ? List.of() : previous,
                history == null ? List.of() : history.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** An absolute http(s) URL without spaces, or a path on the serving site ({@code /images/...}, never {@code //host}). */
    private static final java.util.regex.Pattern IMAGE_URL = java.util.regex.Pattern.compile("(?i)(https?://[^\\s/?#]+|/(?!/))[^\\s]{0,2000}");

    /** Whether {@code address} is one an order line or a catalogue may give as a product picture. */
    public static boolean isImageAddress(String address) {
        return IMAGE_URL.matcher(address).matches();
    }

    private static OrderLine readOrderLine(JsonReader f, JsonNode n, String at, CurrencyUnit cur) {
        f.allowOnly(n, at, Set.of("sku", "category", "unit_price", "quantity", "retail_value", "tags", "serial", "attributes",
                "title", "variant", "image_url"));
        String sku = f.string(n, at, "sku", true);
        // title, variant and image_url are for people (the portal and console show them); no rule reads them
        f.string(n, at, "title", false);
        f.string(n, at, "variant", false);
        String image = f.string(n, at, "image_url", false);
        if (image != null && !isImageAddress(image)) {
            f.report(JsonReader.path(at, "image_url"), "'" + image + "' is not an image address; use an http or https URL, or a path"
                    + " on this service starting with /");
        }
        Money price = f.money(n, at, "unit_price", cur, true);
        Integer qty = f.positiveInt(n, at, "quantity", true);
        Money retail = f.money(n, at, "retail_value", cur, false);
        List<String> tags = f.list(n, at, "tags", false, (t, path) -> f.stringValue(t, path));
        if (sku == null || price == null || qty == null) {
            return null;
        }
        return new OrderLine(sku, f.string(n, at, "category", false), price, qty, retail,
                tags == null ? Set.of() : new LinkedHashSet<>(tags), f.string(n, at, "serial", false), f.stringMap(n, at, "attributes"));
    }

    private static Request readRequest(JsonReader f, JsonNode n, String at, Order order, LegalParts legal) {
        f.allowOnly(n, at, Set.of("kind", "submitted_at", "reason", "lines", "keeps_free_gifts", "evidence", "facts", "costs",
                "protection_plan", "inspection", "rma_issued_at", "shipped_back_at", "return_shipping_method", "preferred_resolution",
                "description", "attributes", "notice_sent_at", "chosen_remedy", "repair_attempts", "failure"));
        CurrencyUnit cur = order != null ? order.currency() : CurrencyUnit.USD;
        legal.noticeSentAt = f.instant(n, at, "notice_sent_at", false);
        legal.chosenRemedy = f.string(n, at, "chosen_remedy", false);
        if (legal.chosenRemedy != null && !f.oneOf(JsonReader.path(at, "chosen_remedy"), legal.chosenRemedy, STATUTORY_REMEDIES)) {
            legal.chosenRemedy = null;
        }
        legal.repairAttempts = f.count(n, at, "repair_attempts", 1000);
        legal.failure = f.string(n, at, "failure", false);
        if (legal.failure != null && !f.oneOf(JsonReader.path(at, "failure"), legal.failure, List.of("major", "minor"))) {
            legal.failure = null;
        }
        ClaimKind kind = f.word(n, at, "kind", ClaimKind.class, true);
        Instant submitted = f.instant(n, at, "submitted_at", true);
        String reasonWord = f.openWord(n, at, "reason", Reason.class, true);
        Reason reason = reasonWord == null ? null : Vocabulary.parse(Reason.class, reasonWord).orElse(Reason.OTHER);
        java.util.Map<String, String> claimedAt = new java.util.HashMap<>();
        List<RequestLine> lines = f.list(n, at, "lines", false, (line, path) -> {
            f.allowOnly(line, path, Set.of("sku", "quantity", "condition", "diminished_value", "use_deduction"));
            String sku = f.string(line, path, "sku", true);
            Money diminished = f.money(line, path, "diminished_value", cur, false);
            Money use = f.money(line, path, "use_deduction", cur, false);
            if (sku != null && diminished != null) {
                legal.diminishedValue.put(sku, diminished);
            }
            if (sku != null && use != null) {
                legal.useDeduction.put(sku, use);
            }
            Integer qty = f.positiveInt(line, path, "quantity", false);
            String conditionWord = f.openWord(line, path, "condition", ItemCondition.class, false);
            ItemCondition condition = conditionWord == null ? null : Vocabulary.parse(ItemCondition.class, conditionWord).orElse(null);
            if (sku != null && claimedAt.putIfAbsent(sku, path) != null) {
                f.report(path + ".sku", "'" + sku + "' is already claimed on " + claimedAt.get(sku) + "; claim each line once with its total quantity");
            } else if (sku != null && order != null) {
                var sold = order.line(sku);
                if (sold.isEmpty()) {
                    f.report(path + ".sku", "'" + sku + "' is not a line of order " + order.number());
                } else if (qty != null && qty > sold.get().quantity()) {
                    f.report(path + ".quantity", qty + " is more than the " + sold.get().quantity() + " ordered");
                }
            }
            if (sku == null) {
                return null;
            }
            int quantity = qty != null ? qty : order != null ? order.line(sku).map(OrderLine::quantity).orElse(1) : 1;
            return new RequestLine(sku, quantity, condition, conditionWord);
        });
        Boolean keeps = f.bool(n, at, "keeps_free_gifts");
        Set<String> evidenceWords = f.openWordSet(n, at, "evidence", Evidence.class);
        Set<String> factWords = f.openWordSet(n, at, "facts", Fact.class);
        Set<Evidence> evidence = Request.standard(evidenceWords, Evidence.class);
        Set<Fact> facts = Request.standard(factWords, Fact.class);
        Costs costs = f.optional(n, at, "costs", c -> {
            String p = JsonReader.path(at, "costs");
            f.allowOnly(c, p, Set.of("return_shipping", "return_logistics", "customs", "handling"));
            Function<String, Money> m = name -> {
                Money v = f.money(c, p, name, cur, false);
                return v != null ? v : Money.zero(cur);
            };
            return new Costs(m.apply("return_shipping"), m.apply("return_logistics"), m.apply("customs"), m.apply("handling"));
        });
        Inspection inspection = f.optional(n, at, "inspection", i -> {
            String p = JsonReader.path(at, "inspection");
            f.allowOnly(i, p, Set.of("finding", "received_at"));
            return new Inspection(f.word(i, p, "finding", Finding.class, false), f.instant(i, p, "received_at", false));
        });
        String plan = f.string(n, at, "protection_plan", false);
        Instant rmaIssued = f.instant(n, at, "rma_issued_at", false);
        Instant shippedBack = f.instant(n, at, "shipped_back_at", false);
        ShippingMethod returnMethod = f.word(n, at, "return_shipping_method", ShippingMethod.class, false);
        Resolution preferred = f.word(n, at, "preferred_resolution", Resolution.class, false);
        if (f.hasProblems()) {
            return null;
        }
        return new Request(kind, submitted, reason, lines == null ? List.of() : lines, Boolean.TRUE.equals(keeps), evidence, facts,
                costs != null ? costs : Costs.none(cur), plan, inspection, rmaIssued, shippedBack, returnMethod, preferred,
                new Request.Words(reasonWord, evidenceWords, factWords), f.stringMap(n, at, "attributes"));
    }

    private static void crossCheck(JsonReader f, Order order, Request request) {
        if (request.submittedAt().isBefore(order.placedAt())) {
            f.report("request.submitted_at", "is before order.placed_at (" + order.placedAt() + ")");
        }
        if (request.inspection() != null && request.inspection().receivedAt() != null
                && request.inspection().receivedAt().isBefore(order.placedAt())) {
            f.report("request.inspection.received_at", "is before order.placed_at (" + order.placedAt() + ")");
        }
        if (request.shippedBackAt() != null && request.shippedBackAt().isBefore(order.placedAt())) {
            f.report("request.shipped_back_at", "is before order.placed_at (" + order.placedAt() + ")");
        }
    }
}
