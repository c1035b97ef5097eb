package org.openrma.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.openrma.decision.Resolution;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads one claim of JSON text straight into the claim model, token by token, without building a
 * tree: the fast path of a replay, which reads millions. It knows the common shape of a claim (the
 * fields {@link ClaimReader} reads, bar consumer-law inputs and attributes) and gives up, returning
 * null, on anything else: an unknown or repeated field, a null, a value of another type, a value
 * {@link ClaimReader} would refuse. The caller then reads the text with {@link ClaimReader}, which
 * gives the same claim or names every problem, so both paths accept exactly the same claims.
 */
public final class ClaimParser {

    // The replay's workers are a few long-lived threads parsing millions of lines: each keeps its own buffers
    // instead of taking them from (and returning them to) a shared concurrent pool for every line.
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    /** Thrown (without a stack trace) to leave the fast path. */
    private static final class Unusual extends RuntimeException {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private ClaimParser() {}

    /** The claim, or null when the text is not in the common shape (read it with {@link ClaimReader#read(String)} then). */
    public static Claim parse(String json) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            return claim(p);
        } catch (Unusual | JacksonException e) {
            return null;
        }
    }

    /**
     * The same from the claim's UTF-8 bytes, as a file holds them: no decoding into a string first, and Jackson's
     * byte parser, the faster of its two. Bytes that are not UTF-8 give null; the caller decodes them (replacing what
     * is malformed) for {@link ClaimReader}, which then reads the claim or names its problems.
     */
    public static Claim parse(byte[] utf8, int offset, int length) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), utf8, offset, length)) {
            return claim(p);
        } catch (Unusual | JacksonException e) {
            return null;
        }
    }

    private static Claim claim(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Order order = null;
        Request request = null;
        String name;
        while ((name = p.nextName()) != null) {
            switch (name) {
                case "order" -> {
                    if (order != null) {
                        return null;
                    }
                    order = order(p);
                }
                // amounts of the request are in the order's currency: an order written after its request is unusual
                case "request" -> {
                    if (order == null || request != null) {
                        return null;
                    }
                    request = request(p, order);
                }
                default -> {
                    return null;
                }
            }
        }
        if (p.nextToken() != null || order == null || request == null) {
            return null;
        }
        if (request.submittedAt().isBefore(order.placedAt())
                || request.inspection() != null && request.inspection().receivedAt() != null
                        && request.inspection().receivedAt().isBefore(order.placedAt())
                || request.shippedBackAt() != null && request.shippedBackAt().isBefore(order.placedAt())) {
            return null;
        }
        return new Claim(order, request, new LegalFacts(null, null, null, null, List.of(), null, null, null, null, null, null, null,
                Map.of(), Map.of()));
    }

    private static Order order(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String number = null;
        Channel channel = null;
        Instant placed = null;
        Instant shipped = null;
        Instant delivered = null;
        DeliveryStatus status = null;
        CurrencyUnit currency = null;
        String shippingMethod = null;
        String shippingAmount = null;
        boolean hasShipping = false;
        Customer customer = null;
        List<RawLine> raw = null;
        long seen = 0;
        String name;
        while ((name = p.nextName()) != null) {
            seen = once(seen, name);
            switch (name) {
                case "number" -> number = text(p);
                case "channel" -> channel = word(text(p), Channel.class);
                case "placed_at" -> placed = instant(timestamp(p));
                case "shipped_at" -> shipped = instant(timestamp(p));
                case "delivered_at" -> delivered = instant(timestamp(p));
                case "delivery_status" -> status = word(text(p), DeliveryStatus.class);
                case "currency" -> currency = currency(text(p));
                case "shipping" -> {
                    hasShipping = true;
                    expect(p.nextToken(), JsonToken.START_OBJECT);
                    long inner = 0;
                    String field;
                    while ((field = p.nextName()) != null) {
                        inner = once(inner, field);
                        switch (field) {
                            case "method" -> shippingMethod = text(p);
                            case "amount" -> shippingAmount = text(p);
                            default -> throw UNUSUAL;
                        }
                    }
                }
                case "customer" -> customer = customer(p);
                case "lines" -> raw = orderLines(p);
                default -> throw UNUSUAL;
            }
        }
        if (number == null || channel == null || placed == null || currency == null || raw == null || raw.isEmpty()) {
            throw UNUSUAL;
        }
        if (shipped != null && shipped.isBefore(placed) || delivered != null && delivered.isBefore(placed)
                || shipped != null && delivered != null && delivered.isBefore(shipped)) {
            throw UNUSUAL;
        }
        if (status == null) {
            status = delivered != null ? DeliveryStatus.DELIVERED : shipped != null ? DeliveryStatus.IN_TRANSIT : DeliveryStatus.NOT_SHIPPED;
        } else if (status == DeliveryStatus.DELIVERED && delivered == null) {
            throw UNUSUAL;
        }
        Order.Shipping shipping = new Order.Shipping(ShippingMethod.ECONOMY, Money.zero(currency));
        if (hasShipping) {
            shipping = new Order.Shipping(shippingMethod != null ? word(shippingMethod, ShippingMethod.class) : ShippingMethod.ECONOMY,
                    shippingAmount != null ? money(shippingAmount, currency) : Money.zero(currency));
        }
        List<OrderLine> lines = new ArrayList<>(raw.size());
        Set<String> skus = new HashSet<>();
        for (RawLine l : raw) {
            if (!skus.add(l.sku)) {
                throw UNUSUAL;
            }
            lines.add(new OrderLine(l.sku, l.category, money(l.unitPrice, currency), l.quantity, l.retailValue == null ? null : money(l.retailValue, currency),
                    l.tags == null ? Set.of() : l.tags, l.serial, Map.of()));
        }
        return new Order(number, channel, placed, shipped, delivered, status, currency, shipping,
                customer != null ? customer : new Customer(null, null, null, Map.of(), List.of()), lines, Map.of());
    }

    /** An order line as written: its amounts wait for the order's currency. */
    private static final class RawLine {
        String sku;
        String category;
        String unitPrice;
        int quantity;
        String retailValue;
        Set<String> tags;
        String serial;
    }

    private static List<RawLine> orderLines(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_ARRAY);
        List<RawLine> lines = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            RawLine l = new RawLine();
            long seen = 0;
            String name;
            while ((name = p.nextName()) != null) {
                seen = once(seen, name);
                switch (name) {
                    case "sku" -> l.sku = text(p);
                    case "category" -> l.category = text(p);
                    case "unit_price" -> l.unitPrice = text(p);
                    case "quantity" -> l.quantity = positiveInt(p);
                    case "retail_value" -> l.retailValue = text(p);
                    case "serial" -> l.serial = text(p);
                    case "tags" -> l.tags = texts(p);
                    default -> throw UNUSUAL;
                }
            }
            if (l.sku == null || l.unitPrice == null || l.quantity == 0) {
                throw UNUSUAL;
            }
            lines.add(l);
        }
        expect(p.currentToken(), JsonToken.END_ARRAY);
        return lines;
    }

    private static Customer customer(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String id = null;
        String email = null;
        String tier = null;
        long seen = 0;
        String name;
        while ((name = p.nextName()) != null) {
            seen = once(seen, name);
            switch (name) {
                case "id" -> id = text(p);
                case "email" -> email = text(p);
                case "tier" -> tier = text(p);
                default -> throw UNUSUAL;
            }
        }
        return new Customer(id, email, tier, Map.of(), List.of(), List.of());
    }

    private static Request request(JsonParser p, Order order) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        CurrencyUnit cur = order.currency();
        ClaimKind kind = null;
        Instant submitted = null;
        String reasonWord = null;
        List<RequestLine> lines = List.of();
        boolean keeps = false;
        Set<String> evidenceWords = Set.of();
        Set<String> factWords = Set.of();
        Costs costs = null;
        Inspection inspection = null;
        String plan = null;
        Instant rmaIssued = null;
        Instant shippedBack = null;
        ShippingMethod returnMethod = null;
        Resolution preferred = null;
        long seen = 0;
        String name;
        while ((name = p.nextName()) != null) {
            seen = once(seen, name);
            switch (name) {
                case "kind" -> kind = word(text(p), ClaimKind.class);
                case "submitted_at" -> submitted = instant(timestamp(p));
                case "reason" -> reasonWord = openWord(text(p), Reason.class);
                case "lines" -> lines = requestLines(p, order);
                case "keeps_free_gifts" -> keeps = bool(p);
                case "evidence" -> evidenceWords = openWords(p, Evidence.class);
                case "facts" -> factWords = openWords(p, Fact.class);
                case "costs" -> costs = costs(p, cur);
                case "inspection" -> inspection = inspection(p);
                case "protection_plan" -> plan = text(p);
                case "rma_issued_at" -> rmaIssued = instant(timestamp(p));
                case "shipped_back_at" -> shippedBack = instant(timestamp(p));
                case "return_shipping_method" -> returnMethod = word(text(p), ShippingMethod.class);
                case "preferred_resolution" -> preferred = word(text(p), Resolution.class);
                default -> throw UNUSUAL;
            }
        }
        if (kind == null || submitted == null || reasonWord == null) {
            throw UNUSUAL;
        }
        Reason reason = Vocabulary.parse(Reason.class, reasonWord).orElse(Reason.OTHER);
        return new Request(kind, submitted, reason, lines, keeps, Request.standard(evidenceWords, Evidence.class), Request.standard(factWords, Fact.class),
                costs != null ? costs : Costs.none(cur), plan, inspection, rmaIssued, shippedBack, returnMethod, preferred,
                new Request.Words(reasonWord, evidenceWords, factWords), Map.of());
    }

    private static List<RequestLine> requestLines(JsonParser p, Order order) {
        expect(p.nextToken(), JsonToken.START_ARRAY);
        List<RequestLine> lines = new ArrayList<>(1);
        Set<String> claimed = new HashSet<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String sku = null;
            int quantity = 0;
            String conditionWord = null;
            long seen = 0;
            String name;
            while ((name = p.nextName()) != null) {
                seen = once(seen, name);
                switch (name) {
                    case "sku" -> sku = text(p);
                    case "quantity" -> quantity = positiveInt(p);
                    case "condition" -> conditionWord = openWord(text(p), ItemCondition.class);
                    default -> throw UNUSUAL;
                }
            }
            if (sku == null || !claimed.add(sku)) {
                throw UNUSUAL;
            }
            OrderLine sold = order.line(sku).orElseThrow(() -> UNUSUAL);
            if (quantity > sold.quantity()) {
                throw UNUSUAL;
            }
            ItemCondition condition = conditionWord == null ? null : Vocabulary.parse(ItemCondition.class, conditionWord).orElse(null);
            lines.add(new RequestLine(sku, quantity != 0 ? quantity : sold.quantity(), condition, conditionWord));
        }
        expect(p.currentToken(), JsonToken.END_ARRAY);
        return lines;
    }

    private static Costs costs(JsonParser p, CurrencyUnit cur) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Money zero = Money.zero(cur);
        Money returnShipping = zero;
        Money returnLogistics = zero;
        Money customs = zero;
        Money handling = zero;
        long seen = 0;
        String name;
        while ((name = p.nextName()) != null) {
            seen = once(seen, name);
            switch (name) {
                case "return_shipping" -> returnShipping = money(text(p), cur);
                case "return_logistics" -> returnLogistics = money(text(p), cur);
                case "customs" -> customs = money(text(p), cur);
                case "handling" -> handling = money(text(p), cur);
                default -> throw UNUSUAL;
            }
        }
        return new Costs(returnShipping, returnLogistics, customs, handling);
    }

    private static Inspection inspection(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Finding finding = null;
        Instant received = null;
        long seen = 0;
        String name;
        while ((name = p.nextName()) != null) {
            seen = once(seen, name);
            switch (name) {
                case "finding" -> finding = word(text(p), Finding.class);
                case "received_at" -> received = instant(timestamp(p));
                default -> throw UNUSUAL;
            }
        }
        return new Inspection(finding, received);
    }

    // ------------------------------------------------------------ values, as the collecting reader reads them

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw UNUSUAL;
        }
    }

    /** Marks a field read in an object's mask of fields (by the hash of its name); a field written twice is unusual. */
    private static long once(long seen, String name) {
        long bit = 1L << (name.hashCode() & 63);
        if ((seen & bit) != 0) {
            // a repeated field, or (rarely) two fields sharing a bit: the tree reader, only slower, decides
            throw UNUSUAL;
        }
        return seen | bit;
    }

    /** A non-empty string, trimmed (numbers and booleans as text are left to the tree reader). */
    private static String text(JsonParser p) {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        String s = p.getString().trim();
        if (s.isEmpty()) {
            throw UNUSUAL;
        }
        return s;
    }

    /** A timestamp's text as written (the tree reader does not trim timestamps). */
    private static String timestamp(JsonParser p) {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getString();
    }

    private static Set<String> texts(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_ARRAY);
        Set<String> out = new LinkedHashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            String s = p.getString().trim();
            if (s.isEmpty()) {
                throw UNUSUAL;
            }
            out.add(s);
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    private static boolean bool(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw UNUSUAL;
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static int positiveInt(JsonParser p) {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw UNUSUAL;
        }
        long v = p.getLongValue();
        if (v < 1 || v > 1_000_000) {
            throw UNUSUAL;
        }
        return (int) v;
    }

    private static <E extends Enum<E> & Vocabulary> E word(String s, Class<E> type) {
        return Vocabulary.parse(type, s).orElseThrow(() -> UNUSUAL);
    }

    private static <E extends Enum<E> & Vocabulary> String openWord(String s, Class<E> type) {
        var standard = Vocabulary.parse(type, s);
        if (standard.isPresent()) {
            return standard.get().wire();
        }
        if (!org.openrma.reading.CollectingReader.isOpenWord(s)) {
            throw UNUSUAL;
        }
        return s;
    }

    private static <E extends Enum<E> & Vocabulary> Set<String> openWords(JsonParser p, Class<E> type) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : texts(p)) {
            out.add(openWord(s, type));
        }
        return out;
    }

    private static Instant instant(String text) {
        Instant parsed = org.openrma.reading.CollectingReader.parseInstant(text);
        if (parsed == null) {
            throw UNUSUAL;
        }
        return parsed;
    }

    private static CurrencyUnit currency(String code) {
        try {
            return CurrencyUnit.of(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalCurrencyException e) {
            throw UNUSUAL;
        }
    }

    private static Money money(String text, CurrencyUnit currency) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw UNUSUAL;
        }
        if (amount.precision() - amount.scale() > 15 || amount.scale() > 15 || amount.signum() < 0
                || amount.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            throw UNUSUAL;
        }
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }
}
