package org.openrma.whatif.generate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Evidence;
import org.openrma.claim.ItemCondition;
import org.openrma.whatif.generate.GeneratorCatalogue.Product;
import org.openrma.whatif.generate.GeneratorCatalogue.RequestType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Draws synthetic claims from a catalogue. The sequence depends only on the catalogue, the seed
 * and the date range: each claim takes its own split of one {@link SplittableRandom}, and nothing
 * reads the clock, so the same arguments always give the same claims, byte for byte.
 */
public final class ClaimGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GeneratorCatalogue catalogue;
    private final SplittableRandom random;
    private final long firstSecond;
    private final long secondsInRange;
    private int count;
    /** Countries consumers are drawn from (empty: claims carry no consumer-law inputs). */
    private java.util.List<String> countries = java.util.List.of();

    /** Orders are placed from the start of {@code from} to the end of {@code to} (UTC). */
    public ClaimGenerator(GeneratorCatalogue catalogue, long seed, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        this.catalogue = catalogue;
        this.random = new SplittableRandom(seed);
        this.firstSecond = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.secondsInRange = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - firstSecond;
    }

    /**
     * Makes every claim a consumer's, in one of these countries drawn uniformly, who bought online and
     * was told of the withdrawal right and the return cost, with the order's delivery as the cheapest
     * standard one: what a replay composed with consumer law reads. Other draws are unchanged.
     */
    public ClaimGenerator withConsumersIn(java.util.List<String> countries) {
        this.countries = java.util.List.copyOf(countries);
        return this;
    }

    /** The next claim as one line of JSON, without the line break. */
    public String nextLine() {
        return JSON.writeValueAsString(next());
    }

    /** The next claim, in the shape the REST API accepts. */
    public ObjectNode next() {
        SplittableRandom r = random.split();
        count++;
        RequestType type = catalogue.requests().draw(r);
        Instant placed = Instant.ofEpochSecond(firstSecond + r.nextLong(secondsInRange));

        ObjectNode claim = JSON.createObjectNode();
        ObjectNode order = claim.putObject("order");
        ObjectNode request = claim.putObject("request");
        order.put("number", catalogue.orderPrefix() + "-" + placed.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(2, 7).replace("-", "")
                + "-" + String.format("%07d", count));
        order.put("channel", catalogue.channels().draw(r).wire());
        order.put("placed_at", placed.toString());

        Instant submitted = timeline(r, type, placed, order);
        order.put("currency", catalogue.currency().getCode());
        var shipping = catalogue.shipping().draw(r);
        order.putObject("shipping").put("method", shipping.method().wire()).put("amount", shipping.amount().toPlainString());
        order.putObject("customer").put("id", "C-" + (1 + r.nextInt(Math.max(10, count / 2 + 10))))
                .put("email", "customer" + r.nextInt(1_000_000) + "@example.com");

        ArrayNode lines = order.putArray("lines");
        Product main = catalogue.products().draw(r);
        int quantity = catalogue.quantity().draw(r);
        addLine(lines, main, price(r, main.lowest(), main.highest()), quantity);
        Product second = null;
        if (!catalogue.accessories().isEmpty() && r.nextDouble() < catalogue.secondItemShare()) {
            second = catalogue.accessories().get(r.nextInt(catalogue.accessories().size()));
            addLine(lines, second, price(r, second.lowest(), second.highest()), 1);
        }
        boolean gift = !catalogue.gifts().isEmpty() && r.nextDouble() < catalogue.giftShare();
        if (gift) {
            var g = catalogue.gifts().get(r.nextInt(catalogue.gifts().size()));
            ObjectNode line = lines.addObject().put("sku", g.sku()).put("category", g.category()).put("unit_price", "0.00")
                    .put("retail_value", g.retailValue().toPlainString()).put("quantity", 1);
            line.putArray("tags").add("free_gift");
        }

        request.put("kind", type.kind().wire());
        request.put("submitted_at", submitted.toString());
        request.put("reason", type.reason().wire());
        ArrayNode requested = request.putArray("lines");
        boolean aboutGoods = GeneratorCatalogue.ABOUT_GOODS.contains(type.kind());
        if (aboutGoods) {
            ItemCondition condition = type.conditions().draw(r);
            int claimed = quantity == 1 || r.nextDouble() < 0.7 ? quantity : 1 + r.nextInt(quantity);
            requested.addObject().put("sku", main.sku()).put("quantity", claimed).put("condition", condition.wire());
            if (second != null && r.nextDouble() < 0.3) {
                requested.addObject().put("sku", second.sku()).put("quantity", 1).put("condition", condition.wire());
            }
        } else if (type.kind() == ClaimKind.MISSING_ITEMS) {
            Product missing = second != null ? second : main;
            requested.addObject().put("sku", missing.sku()).put("quantity", 1);
        }
        request.put("keeps_free_gifts", gift && type.kind() == ClaimKind.RETURN && r.nextDouble() < catalogue.keepsFreeGiftsShare());

        boolean returnPostage = aboutGoods && r.nextDouble() < catalogue.returnShipping().share();
        ArrayNode evidence = request.putArray("evidence");
        for (var e : type.evidence().entrySet()) {
            boolean receipt = e.getKey() == Evidence.RETURN_RECEIPT;
            if (r.nextDouble() < e.getValue() && (!receipt || returnPostage)) {
                evidence.add(e.getKey().wire());
            }
        }
        ArrayNode facts = request.putArray("facts");
        for (var f : type.facts().entrySet()) {
            if (r.nextDouble() < f.getValue()) {
                facts.add(f.getKey().wire());
            }
        }
        boolean customs = aboutGoods && r.nextDouble() < catalogue.customs().share();
        if (returnPostage || customs) {
            ObjectNode costs = request.putObject("costs");
            if (returnPostage) {
                costs.put("return_shipping", price(r, catalogue.returnShipping().lowest(), catalogue.returnShipping().highest()));
            }
            if (customs) {
                costs.put("customs", price(r, catalogue.customs().lowest(), catalogue.customs().highest()));
            }
        }
        if (catalogue.protectionPlan() != null && r.nextDouble() < catalogue.protectionPlanShare()) {
            request.put("protection_plan", catalogue.protectionPlan());
        }
        if (aboutGoods && type.inspection() != null && r.nextDouble() < type.inspection().share()) {
            request.putObject("inspection").put("finding", type.inspection().findings().draw(r).wire());
        }
        if (!countries.isEmpty()) {
            // drawn last, so a history without countries is the same claims byte for byte
            ((ObjectNode) order.get("customer")).put("country", countries.get(r.nextInt(countries.size()))).put("is_consumer", true);
            order.put("sales_channel", "distance");
            ((ObjectNode) order.get("shipping")).put("cheapest_standard_amount", order.get("shipping").get("amount").asString());
            claim.putObject("statutory_info").put("withdrawal_info_given", true).put("return_cost_info_given", true);
        }
        return claim;
    }

    /** Fills in shipping and delivery; returns when the request is submitted. */
    private static Instant timeline(SplittableRandom r, RequestType type, Instant placed, ObjectNode order) {
        DelayProfile delay = type.delay();
        if (delay.needsDelivery()) {
            Instant shipped = placed.plus(r.nextLong(6 * 60, 3 * 24 * 60), ChronoUnit.MINUTES);
            LocalDate deliveryDate = shipped.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(r.nextInt(2, 10));
            // daytime deliveries, so a request on the day of delivery still fits in that day
            Instant delivered = deliveryDate.atStartOfDay(ZoneOffset.UTC).toInstant().plus(r.nextLong(8 * 60, 18 * 60), ChronoUnit.MINUTES);
            order.put("shipped_at", shipped.toString());
            order.put("delivered_at", delivered.toString());
            order.put("delivery_status", DeliveryStatus.DELIVERED.wire());
            int days = delay.days(r);
            Instant dayStart = deliveryDate.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
            return days == 0 ? delivered.plus(r.nextLong(10, 5 * 60), ChronoUnit.MINUTES)
                    : dayStart.plusSeconds(r.nextLong(24 * 60 * 60));
        }
        if (delay == DelayProfile.BEFORE_DELIVERY) {
            Instant submitted = placed.plus(delay.minutes(r), ChronoUnit.MINUTES);
            if (r.nextDouble() < 0.35) {
                Instant shipped = placed.plus(r.nextLong(30, 36 * 60), ChronoUnit.MINUTES);
                order.put("shipped_at", shipped.toString());
                order.put("delivery_status", DeliveryStatus.IN_TRANSIT.wire());
                return submitted.isAfter(shipped) ? submitted : shipped.plus(r.nextLong(1, 24 * 60), ChronoUnit.MINUTES);
            }
            order.put("delivery_status", DeliveryStatus.NOT_SHIPPED.wire());
            return submitted;
        }
        Instant shipped = placed.plus(r.nextLong(6 * 60, 3 * 24 * 60), ChronoUnit.MINUTES);
        order.put("shipped_at", shipped.toString());
        Instant submitted = shipped.plus(delay.minutes(r), ChronoUnit.MINUTES);
        double u = r.nextDouble();
        DeliveryStatus status = type.kind() == ClaimKind.REFUSED_DELIVERY
                ? (u < 0.7 ? DeliveryStatus.REFUSED : DeliveryStatus.RETURNED_TO_SENDER)
                : type.kind() == ClaimKind.MISSING_ITEMS || u < 0.15 ? DeliveryStatus.DELIVERED
                : u < 0.6 ? DeliveryStatus.IN_TRANSIT : u < 0.9 ? DeliveryStatus.LOST : DeliveryStatus.RETURNED_TO_SENDER;
        if (status == DeliveryStatus.DELIVERED) {
            Instant delivered = shipped.plus(r.nextLong(2 * 24 * 60, 9 * 24 * 60), ChronoUnit.MINUTES);
            order.put("delivered_at", delivered.toString());
            if (!submitted.isAfter(delivered)) {
                submitted = delivered.plus(r.nextLong(60, 5 * 24 * 60), ChronoUnit.MINUTES);
            }
        }
        order.put("delivery_status", status.wire());
        return submitted;
    }

    private static void addLine(ArrayNode lines, Product product, String price, int quantity) {
        ObjectNode line = lines.addObject().put("sku", product.sku()).put("category", product.category()).put("unit_price", price)
                .put("quantity", quantity);
        if (!product.tags().isEmpty()) {
            ArrayNode tags = line.putArray("tags");
            product.tags().forEach(tags::add);
        }
    }

    /** A price in whole cents between two bounds, as a decimal string. */
    private static String price(SplittableRandom r, BigDecimal lowest, BigDecimal highest) {
        long low = lowest.movePointRight(2).longValueExact();
        long high = highest.movePointRight(2).longValueExact();
        long cents = high <= low ? low : r.nextLong(low, high + 1);
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
