package org.openrma.service.rma;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.Vocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The claim as stored with an RMA and with each decision ({@code order} + {@code request}, in the
 * claim format): the decision record must show the exact claim that was decided, so it stays JSON,
 * and this class is the one place that names its paths. A command works on a copy
 * ({@link #copyOf}), records what happened to the claim with the methods below, and is decided
 * again on {@link #claim()}, read once per change.
 */
public final class ClaimDocument {

    private final ObjectNode json;
    private Claim parsed;

    private ClaimDocument(ObjectNode json) {
        this.json = json;
    }

    /** A new claim on an order: the order document and the request as filed. */
    static ClaimDocument of(JsonNode order, ObjectNode request) {
        ObjectNode json = org.openrma.service.web.Json.object();
        json.set("order", order.deepCopy());
        json.set("request", request);
        return new ClaimDocument(json);
    }

    /** A claim not filed yet, as filing would build it at {@code now}: what the portal previews. */
    public static ClaimDocument previewed(JsonNode order, ObjectNode request, Instant now) {
        ClaimDocument claim = of(order, request);
        claim.submittedAt(now);
        return claim;
    }

    /** A copy of a stored claim to change. */
    public static ClaimDocument copyOf(ObjectNode stored) {
        return new ClaimDocument(stored.deepCopy());
    }

    /** A stored claim to read, not to change. */
    public static ClaimDocument reading(ObjectNode stored) {
        return new ClaimDocument(stored);
    }

    /** The stored JSON (not a copy). */
    public ObjectNode json() {
        return json;
    }

    /** The claim as the engine reads it, read once after the last change. */
    public Claim claim() {
        if (parsed == null) {
            parsed = ClaimReader.fromTree(json);
        }
        return parsed;
    }

    private ObjectNode request() {
        return (ObjectNode) json.get("request");
    }

    private ObjectNode requestObject(String name) {
        ObjectNode request = request();
        changed();
        return request.has(name) && request.get(name).isObject() ? (ObjectNode) request.get(name) : request.putObject(name);
    }

    private void changed() {
        parsed = null;
    }

    // ------------------------------------------------------------ what happened to the claim

    String submittedAt() {
        return request().get("submitted_at").asString();
    }

    void submittedAt(Instant at) {
        changed();
        request().put("submitted_at", at.toString());
    }

    /** When the claim was submitted, as stored ("" when it does not say). */
    public String submittedAtAsWritten() {
        return json.path("request").path("submitted_at").asString("");
    }

    boolean statesSubmittedAt() {
        return request().hasNonNull("submitted_at");
    }

    /** The RMA was issued: counted from here are ship-back deadlines. */
    void rmaIssuedAt(String at) {
        changed();
        request().put("rma_issued_at", at);
    }

    void shippedBackAt(Instant at) {
        changed();
        request().put("shipped_back_at", at.toString());
    }

    /** A cost the claim carries ({@code return_shipping}, {@code customs}, {@code handling}, {@code return_logistics}). */
    void cost(String kind, BigDecimal amount) {
        requestObject("costs").put(kind, amount.toPlainString());
    }

    void receivedAt(Instant at) {
        requestObject("inspection").put("received_at", at.toString());
    }

    /** The inspection's finding; received now if no receipt was recorded. */
    void inspected(Vocabulary finding, Instant now) {
        ObjectNode inspection = requestObject("inspection");
        inspection.put("finding", finding.wire());
        if (!inspection.hasNonNull("received_at")) {
            inspection.put("received_at", now.toString());
        }
    }

    /**
     * What the inspection set for a claimed SKU under consumer law ({@code diminished_value},
     * {@code use_deduction} on its request line). A request that names no lines claims the whole
     * order, so its lines are written out first (each with the quantity ordered) to carry the amounts.
     */
    void assessed(RmaCommand.InspectedLine line) {
        changed();
        ObjectNode request = request();
        JsonNode lines = request.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            ArrayNode all = request.putArray("lines");
            json.path("order").path("lines").values().forEach(l -> all.addObject().put("sku", l.path("sku").asString())
                    .put("quantity", l.path("quantity").asInt(1)));
            lines = all;
        }
        for (JsonNode l : lines.values()) {
            if (l.path("sku").asString().equals(line.sku())) {
                if (line.diminishedValue() != null) {
                    ((ObjectNode) l).put("diminished_value", line.diminishedValue().toPlainString());
                }
                if (line.useDeduction() != null) {
                    ((ObjectNode) l).put("use_deduction", line.useDeduction().toPlainString());
                }
            }
        }
    }

    /**
     * What the buyer states about themselves under consumer law, written into the claim's
     * {@code order.customer} where the order as imported does not say: the country of habitual
     * residence and whether they bought as a consumer. The shop's own record is never overwritten.
     */
    public void buyerStates(String country, Boolean consumer) {
        if (country == null && consumer == null) {
            return;
        }
        changed();
        ObjectNode order = (ObjectNode) json.get("order");
        ObjectNode customer = order.has("customer") && order.get("customer").isObject() ? (ObjectNode) order.get("customer") : order.putObject("customer");
        if (country != null && !customer.hasNonNull("country")) {
            customer.put("country", country);
        }
        if (consumer != null && !customer.hasNonNull("is_consumer")) {
            customer.put("is_consumer", consumer);
        }
    }

    /** Adds words to {@code request.evidence} or {@code request.facts}, kept sorted and without repeats. */
    <E extends Enum<E> & Vocabulary> void addWords(String field, Set<E> words) {
        if (words.isEmpty()) {
            return;
        }
        changed();
        Set<String> all = new TreeSet<>();
        JsonNode existing = request().get(field);
        if (existing != null && existing.isArray()) {
            existing.values().forEach(v -> all.add(v.asString()));
        }
        words.forEach(w -> all.add(w.wire()));
        ArrayNode array = request().putArray(field);
        all.forEach(array::add);
    }

    /** A claimed line's unit now has another serial (it was replaced before). */
    void serialNow(ClaimedSerial line, String serial) {
        changed();
        for (JsonNode l : json.path("order").path("lines").values()) {
            if (l.path("sku").asString().equals(line.sku()) && l.path("serial").asString("").equals(line.serial())) {
                ((ObjectNode) l).put("serial", serial);
            }
        }
    }

    // ------------------------------------------------------------ reading it

    /** What the customer asked for, as the pages show it (words as stored; absent text is "" or null as noted). */
    public record Requested(String kind, String reason, List<Line> lines, List<String> evidence, List<String> facts, String description,
                            String finding, String currency) {}

    /**
     * A claimed line as filed: SKU, units (1 when not said) and condition ("" when not said), with what the order says of
     * the product for people: title, variant and image address (null when the order has none).
     */
    public record Line(String sku, int quantity, String condition, String title, String variant, String imageUrl) {}

    /** The request as filed and inspected: kind, reason and currency "" when absent, description and finding null. */
    public Requested requested() {
        JsonNode req = json.path("request");
        List<Line> lines = new ArrayList<>();
        req.path("lines").values().forEach(l -> {
            String sku = l.path("sku").asString();
            JsonNode ordered = orderLine(sku);
            lines.add(new Line(sku, l.path("quantity").asInt(1), l.path("condition").asString(""), text(ordered, "title"),
                    text(ordered, "variant"), text(ordered, "image_url")));
        });
        List<String> evidence = new ArrayList<>();
        req.path("evidence").values().forEach(e -> evidence.add(e.asString()));
        List<String> facts = new ArrayList<>();
        req.path("facts").values().forEach(e -> facts.add(e.asString()));
        return new Requested(req.path("kind").asString(""), req.path("reason").asString(""), lines, evidence, facts,
                req.path("description").asString(null), req.path("inspection").path("finding").asString(null),
                json.path("order").path("currency").asString(""));
    }

    private JsonNode orderLine(String sku) {
        for (JsonNode l : json.path("order").path("lines").values()) {
            if (l.path("sku").asString().equals(sku)) {
                return l;
            }
        }
        return json.path("order").path("none");
    }

    private static String text(JsonNode n, String field) {
        String s = n.path(field).asString(null);
        return s == null || s.isBlank() ? null : s;
    }

    String kind() {
        return json.path("request").path("kind").asString("");
    }

    /** The finding recorded at inspection, or "". */
    public String finding() {
        return json.path("request").path("inspection").path("finding").asString("");
    }

    Instant placedAt() {
        return Instant.parse(json.path("order").path("placed_at").asString());
    }

    CurrencyUnit currency() {
        return CurrencyUnit.of(json.get("order").get("currency").asString().toUpperCase(Locale.ROOT));
    }

    /** What was paid for the lines the claim is about. */
    Money claimedValue(CurrencyUnit currency) {
        return claim().claimedLines().stream().map(l -> l.line().unitPrice().multipliedBy(l.requested().quantity()))
                .reduce(Money.zero(currency), Money::plus);
    }

    /** A claimed order line that has a serial. */
    record ClaimedSerial(String serial, String sku) {}

    /** Every claimed order line that has a serial. */
    List<ClaimedSerial> claimedSerials() {
        Set<String> skus = claimedSkus();
        List<ClaimedSerial> out = new ArrayList<>();
        for (JsonNode line : json.path("order").path("lines").values()) {
            if (line.hasNonNull("serial") && skus.contains(line.path("sku").asString())) {
                out.add(new ClaimedSerial(line.get("serial").asString(), line.path("sku").asString()));
            }
        }
        return out;
    }

    /** The SKUs claimed (every order line when the request names none). */
    Set<String> claimedSkus() {
        Set<String> skus = new TreeSet<>();
        JsonNode lines = json.path("request").path("lines");
        if (lines.isArray() && !lines.isEmpty()) {
            lines.values().forEach(l -> skus.add(l.path("sku").asString()));
        } else {
            json.path("order").path("lines").values().forEach(l -> skus.add(l.path("sku").asString()));
        }
        return skus;
    }
}
