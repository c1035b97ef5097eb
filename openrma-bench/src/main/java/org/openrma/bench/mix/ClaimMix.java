package org.openrma.bench.mix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A realistic, reproducible mix of claims for one seed policy, drawn from a seeded random generator
 * and read through {@link ClaimReader} exactly as the REST API would read them.
 *
 * <p>Returns and warranty claims name one line of a one- or two-line order (the Drools and
 * hand-written versions of the policies decide a claim about one line); cancellations name no
 * line, so they cover the whole order. Everything else varies: kind, reason, channel, condition,
 * days since delivery (including late claims outside every window), facts, evidence, inspection
 * findings, return shipping method, protection plan.
 */
public final class ClaimMix {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The mixes this module knows; each is shaped like the traffic of one seed policy. */
    public enum Profile {
        /** KST servo web store: mostly hobby returns within a week, some late, some cancellations. */
        KST_SERVOS(LocalDate.of(2024, 1, 1)),
        /** KOSPET smartwatches, orders from 2025 (the 2025 terms): returns, replacements, 2-year repairs, WORRY FREE+. */
        KOSPET_2025(LocalDate.of(2025, 1, 1)),
        /** Electronics distributor (kst-rma): returns, quality claims, parcels not received, missing items. */
        KST_RMA(LocalDate.of(2024, 1, 1)),
        /** Kingdo: 60-day returns, 12-month warranty, adverse reactions, cancellations, refused deliveries. */
        KINGDO(LocalDate.of(2024, 1, 1));

        final LocalDate firstOrderDay;

        Profile(LocalDate firstOrderDay) {
            this.firstOrderDay = firstOrderDay;
        }

        /** The mix for a policy id of the built-in catalogue. */
        public static Profile forPolicy(String policyId) {
            return switch (policyId) {
                case "kst-servos" -> KST_SERVOS;
                case "kospet", "kospet-2025" -> KOSPET_2025;
                case "kst-rma" -> KST_RMA;
                case "kingdo" -> KINGDO;
                default -> throw new IllegalArgumentException("no claim mix for policy " + policyId);
            };
        }
    }

    private ClaimMix() {}

    /** {@code count} claims of a profile; the same seed always gives the same claims. */
    public static List<Claim> claims(Profile profile, long seed, int count) {
        List<Claim> out = new ArrayList<>(count);
        for (String json : json(profile, seed, count)) {
            out.add(ClaimReader.read(json));
        }
        return List.copyOf(out);
    }

    /** The same claims as JSON documents, in the shape the REST API accepts. */
    public static List<String> json(Profile profile, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(JSON.writeValueAsString(draw(profile, random.split(), i)));
        }
        return out;
    }

    // ------------------------------------------------------------------ drawing one claim

    private record Product(String sku, String category, int lowCents, int highCents, String... tags) {}

    private static final List<Product> SERVOS = List.of(
            new Product("KST-X08H", "servo", 2990, 3990), new Product("KST-DS215MG", "servo", 3490, 4590),
            new Product("KST-MS325", "servo", 4990, 6490, "discontinued"), new Product("KST-BLS815", "servo", 8990, 12990));
    private static final List<Product> SERVO_PARTS = List.of(
            new Product("KST-GEARSET-08", "spare_part", 690, 1290), new Product("KST-CABLE-200", "accessory", 290, 590));
    private static final List<Product> WATCHES = List.of(
            new Product("KOSPET-TANK-T3", "smartwatch", 8999, 12999), new Product("KOSPET-TANK-M3", "smartwatch", 10999, 14999),
            new Product("KOSPET-IRIS", "smartwatch", 6999, 8999, "discontinued"));
    private static final List<Product> WATCH_PARTS = List.of(
            new Product("KOSPET-STRAP-22", "strap", 999, 1999), new Product("KOSPET-CHARGER", "charger", 799, 1299));
    private static final List<Product> PARTS = List.of(
            new Product("STM32F405", "ic", 450, 1290, "esd_sensitive"), new Product("ESP32-WROOM", "module", 290, 690, "moisture_sensitive"),
            new Product("LIPO-4S-1500", "battery", 1990, 3490), new Product("FC-F7-MINI", "board", 3990, 5990, "esd_sensitive"));
    private static final List<Product> KINGDO_GOODS = List.of(
            new Product("KD-SERUM-30", "skincare", 1999, 3499, "consumable"), new Product("KD-LAMP-LED", "lighting", 2999, 5999),
            new Product("KD-FAN-MINI", "appliance", 1599, 2999, "discontinued"), new Product("KD-MASK-PACK", "skincare", 999, 1999, "consumable"));

    private static ObjectNode draw(Profile profile, SplittableRandom r, int index) {
        return switch (profile) {
            case KST_SERVOS -> kstServos(r, index);
            case KOSPET_2025 -> kospet(r, index);
            case KST_RMA -> kstRma(r, index);
            case KINGDO -> kingdo(r, index);
        };
    }

    private static ObjectNode kstServos(SplittableRandom r, int index) {
        String kind = pick(r, "return", 72, "cancellation", 10, "amendment", 3, "warranty", 10, "not_received", 5);
        String reason = switch (kind) {
            case "return" -> pick(r, "changed_mind", 28, "ordered_wrong_item", 10, "defective", 24, "dead_on_arrival", 8, "not_as_described", 10,
                    "damaged_in_transit", 8, "wrong_item_sent", 6, "missing_items", 3, "counterfeit", 3);
            case "cancellation", "amendment" -> pick(r, "changed_mind", 70, "ordered_wrong_item", 30);
            case "warranty" -> pick(r, "defective", 80, "dead_on_arrival", 20);
            default -> "not_received";
        };
        String channel = pick(r, "official_store", 85, "authorized_dealer", 9, "marketplace", 6);
        Draft d = new Draft(r, Profile.KST_SERVOS, index, "KST", channel, SERVOS, SERVO_PARTS, 0.3);
        d.shippingCents = pickInt(r, 0, 40, 499, 40, 1299, 20);
        d.timeline(kind, switch (kind) {
            case "return" -> r.nextInt(100) < 82 ? r.nextInt(0, 8) : r.nextInt(8, 45);
            case "warranty" -> r.nextInt(8, 400);
            default -> 0;
        });
        d.request(kind, reason);
        if (kind.equals("return") || kind.equals("warranty")) {
            d.claimOneLine(pick(r, "unopened", 30, "opened_unused", 30, "used", 30, "damaged", 10));
            d.fact("returned_without_authorization", 3);
            d.evidence("photo", 45);
            d.inspection(18, "defect_confirmed", 50, "no_fault_found", 35, "misuse", 15);
            if (r.nextInt(100) < 60) {
                d.request.put("return_shipping_method", pick(r, "economy", 75, "expedited", 25));
            }
            if (r.nextInt(100) < 12) {
                d.request.put("preferred_resolution", "exchange");
            }
            d.returnPostage(35, 450, 1800);
        }
        return d.claim;
    }

    private static ObjectNode kospet(SplittableRandom r, int index) {
        String kind = pick(r, "return", 45, "warranty", 48, "cancellation", 4, "not_received", 3);
        String reason = switch (kind) {
            case "return" -> pick(r, "changed_mind", 40, "ordered_wrong_item", 8, "defective", 25, "dead_on_arrival", 7, "not_as_described", 10,
                    "damaged_in_transit", 10);
            case "warranty" -> pick(r, "defective", 62, "dead_on_arrival", 4, "not_as_described", 4, "accidental_damage", 22, "damaged_in_transit", 3,
                    "changed_mind", 5);
            case "cancellation" -> "changed_mind";
            default -> "not_received";
        };
        String channel = pick(r, "official_store", 70, "authorized_dealer", 20, "marketplace", 10);
        Draft d = new Draft(r, Profile.KOSPET_2025, index, "KSP", channel, WATCHES, WATCH_PARTS, 0.35);
        d.shippingCents = pickInt(r, 0, 70, 599, 30);
        d.timeline(kind, switch (kind) {
            case "return" -> r.nextInt(100) < 85 ? r.nextInt(0, 31) : r.nextInt(31, 90);
            case "warranty" -> r.nextInt(100) < 25 ? r.nextInt(0, 31) : r.nextInt(100) < 88 ? r.nextInt(31, 731) : r.nextInt(731, 1000);
            default -> 0;
        });
        d.request(kind, reason);
        if (kind.equals("return") || kind.equals("warranty")) {
            d.claimOneLine(kind.equals("return") ? pick(r, "unopened", 45, "opened_unused", 25, "used", 25, "damaged", 5)
                    : pick(r, "used", 80, "damaged", 20));
            d.fact("physical_damage", reason.equals("accidental_damage") ? 50 : 4);
            d.fact("water_damage", reason.equals("accidental_damage") ? 30 : 3);
            d.fact("misuse", 2);
            d.fact("disassembled", 1);
            d.fact("firmware_modified", 1);
            d.fact("no_anti_counterfeit_mark", 1);
            d.fact("not_original_purchaser", 3);
            d.evidence("photo", 55);
            d.evidence("video", 20);
            d.inspection(15, "defect_confirmed", 60, "no_fault_found", 25, "misuse", 15);
            if (r.nextInt(100) < 18) {
                d.request.put("protection_plan", "worry_free_plus");
            }
            d.returnPostage(25, 600, 2500);
        }
        return d.claim;
    }

    private static ObjectNode kstRma(SplittableRandom r, int index) {
        String kind = pick(r, "return", 50, "warranty", 25, "not_received", 12, "missing_items", 10, "cancellation", 3);
        String reason = switch (kind) {
            case "return" -> pick(r, "changed_mind", 25, "ordered_wrong_item", 20, "defective", 30, "dead_on_arrival", 10, "counterfeit", 5,
                    "not_as_described", 10);
            case "warranty" -> pick(r, "defective", 70, "counterfeit", 15, "damaged_in_transit", 15);
            case "missing_items" -> "missing_items";
            case "cancellation" -> "ordered_wrong_item";
            default -> "not_received";
        };
        Draft d = new Draft(r, Profile.KST_RMA, index, "KRMA", pick(r, "official_store", 90, "retailer", 10), PARTS, PARTS, 0.4);
        d.shippingCents = pickInt(r, 0, 30, 899, 50, 2499, 20);
        d.timeline(kind, switch (kind) {
            case "return" -> r.nextInt(100) < 80 ? r.nextInt(0, 8) : r.nextInt(8, 40);
            case "warranty" -> r.nextInt(100) < 85 ? r.nextInt(0, 366) : r.nextInt(366, 600);
            case "missing_items" -> r.nextInt(0, 10);
            default -> 0;
        });
        d.request(kind, reason);
        if (kind.equals("return") || kind.equals("warranty") || kind.equals("missing_items")) {
            d.claimOneLine(kind.equals("missing_items") ? null : pick(r, "unopened", 35, "opened_unused", 25, "used", 30, "damaged", 10));
            d.fact("wrong_address_by_customer", 2);
            d.evidence("photo", 50);
            d.evidence("third_party_quality_report", 30);
            d.evidence("parcel_photo", kind.equals("missing_items") ? 70 : 5);
            d.inspection(15, "defect_confirmed", 50, "no_fault_found", 30, "wrong_item", 20);
            d.returnPostage(30, 500, 2500);
        }
        return d.claim;
    }

    private static ObjectNode kingdo(SplittableRandom r, int index) {
        String kind = pick(r, "return", 55, "warranty", 18, "cancellation", 10, "not_received", 10, "refused_delivery", 7);
        String reason = switch (kind) {
            case "return" -> pick(r, "changed_mind", 35, "defective", 25, "not_as_described", 15, "adverse_reaction", 10, "damaged_in_transit", 10,
                    "ordered_wrong_item", 5);
            case "warranty" -> pick(r, "defective", 85, "adverse_reaction", 15);
            case "cancellation" -> "changed_mind";
            case "refused_delivery" -> "changed_mind";
            default -> "not_received";
        };
        Draft d = new Draft(r, Profile.KINGDO, index, "KD", pick(r, "official_store", 80, "marketplace", 20), KINGDO_GOODS, KINGDO_GOODS, 0.3);
        d.shippingCents = pickInt(r, 0, 50, 599, 50);
        d.timeline(kind, switch (kind) {
            case "return" -> r.nextInt(100) < 85 ? r.nextInt(0, 61) : r.nextInt(61, 120);
            case "warranty" -> r.nextInt(100) < 85 ? r.nextInt(0, 366) : r.nextInt(366, 500);
            default -> 0;
        });
        d.request(kind, reason);
        if (kind.equals("return") || kind.equals("warranty")) {
            d.claimOneLine(pick(r, "unopened", 35, "opened_unused", 25, "used", 30, "damaged", 10));
            d.evidence("photo", 50);
            d.evidence("medical_documentation", reason.equals("adverse_reaction") ? 60 : 0);
            d.inspection(15, "defect_confirmed", 60, "no_fault_found", 40);
            d.returnPostage(40, 400, 1500);
        }
        if (kind.equals("refused_delivery")) {
            d.request.putObject("costs").put("return_logistics", cents(r.nextInt(500, 2000))).put("handling", cents(r.nextInt(0, 800)));
        }
        return d.claim;
    }

    /** One claim being drawn. */
    private static final class Draft {
        final SplittableRandom r;
        final ObjectNode claim = JSON.createObjectNode();
        final ObjectNode order = claim.putObject("order");
        final ObjectNode request = claim.putObject("request");
        final ArrayNode lines = order.putArray("lines");
        final List<String> skus = new ArrayList<>();
        final List<Integer> quantities = new ArrayList<>();
        final Instant placed;
        int shippingCents;
        Instant submitted;

        Draft(SplittableRandom r, Profile profile, int index, String prefix, String channel, List<Product> main, List<Product> extras, double secondShare) {
            this.r = r;
            this.placed = profile.firstOrderDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(r.nextLong(300L * 24 * 3600));
            order.put("number", prefix + "-" + String.format("%07d", index));
            order.put("channel", channel);
            order.put("placed_at", placed.toString());
            order.put("currency", "USD");
            order.putObject("customer").put("id", "C-" + r.nextInt(1, 5000));
            line(main.get(r.nextInt(main.size())), r.nextInt(100) < 85 ? 1 : r.nextInt(2, 4));
            if (r.nextDouble() < secondShare) {
                Product extra = extras.get(r.nextInt(extras.size()));
                if (!skus.contains(extra.sku())) {
                    line(extra, 1);
                }
            }
        }

        void line(Product p, int quantity) {
            ObjectNode l = lines.addObject().put("sku", p.sku()).put("category", p.category())
                    .put("unit_price", cents(r.nextInt(p.lowCents(), p.highCents() + 1))).put("quantity", quantity);
            if (p.tags().length > 0) {
                ArrayNode tags = l.putArray("tags");
                for (String t : p.tags()) {
                    tags.add(t);
                }
            }
            skus.add(p.sku());
            quantities.add(quantity);
        }

        /** Shipping and delivery dates; {@code days} after delivery for claims about delivered goods. */
        void timeline(String kind, int days) {
            order.putObject("shipping").put("method", shippingCents > 1000 ? "expedited" : "economy").put("amount", cents(shippingCents));
            Instant shipped = placed.plus(r.nextLong(6 * 60, 3 * 24 * 60), ChronoUnit.MINUTES);
            switch (kind) {
                case "cancellation", "amendment" -> {
                    int u = r.nextInt(100);
                    if (u < 60) {
                        submitted = placed.plus(r.nextLong(5, 6 * 60), ChronoUnit.MINUTES);
                    } else {
                        order.put("shipped_at", shipped.toString());
                        submitted = shipped.plus(r.nextLong(10, 3 * 24 * 60), ChronoUnit.MINUTES);
                        if (u >= 85) {
                            Instant delivered = shipped.plus(r.nextLong(24 * 60, 6 * 24 * 60), ChronoUnit.MINUTES);
                            order.put("delivered_at", delivered.toString());
                            submitted = delivered.plus(r.nextLong(10, 24 * 60), ChronoUnit.MINUTES);
                        }
                    }
                }
                case "not_received", "refused_delivery" -> {
                    order.put("shipped_at", shipped.toString());
                    order.put("delivery_status", kind.equals("refused_delivery") ? "refused" : pick(r, "in_transit", 60, "lost", 40));
                    submitted = shipped.plus(r.nextLong(5 * 24 * 60, 40 * 24 * 60), ChronoUnit.MINUTES);
                }
                default -> {
                    LocalDate deliveryDay = shipped.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(r.nextInt(2, 10));
                    Instant delivered = deliveryDay.atStartOfDay(ZoneOffset.UTC).toInstant().plus(r.nextLong(8 * 60, 18 * 60), ChronoUnit.MINUTES);
                    order.put("shipped_at", shipped.toString());
                    order.put("delivered_at", delivered.toString());
                    submitted = days == 0 ? delivered.plus(r.nextLong(10, 5 * 60), ChronoUnit.MINUTES)
                            : deliveryDay.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(r.nextLong(24 * 3600));
                }
            }
        }

        void request(String kind, String reason) {
            request.put("kind", kind);
            request.put("submitted_at", submitted.toString());
            request.put("reason", reason);
        }

        /** The claim names one line of the order, usually the main item; condition may be null. */
        void claimOneLine(String condition) {
            int i = skus.size() > 1 && r.nextInt(100) < 25 ? 1 : 0;
            int sold = quantities.get(i);
            ObjectNode l = request.putArray("lines").addObject().put("sku", skus.get(i)).put("quantity", sold == 1 || r.nextBoolean() ? sold : 1);
            if (condition != null) {
                l.put("condition", condition);
            }
        }

        void fact(String fact, int percent) {
            if (r.nextInt(100) < percent) {
                (request.has("facts") ? (ArrayNode) request.get("facts") : request.putArray("facts")).add(fact);
            }
        }

        void evidence(String evidence, int percent) {
            if (r.nextInt(100) < percent) {
                (request.has("evidence") ? (ArrayNode) request.get("evidence") : request.putArray("evidence")).add(evidence);
            }
        }

        void inspection(int percent, Object... findings) {
            if (r.nextInt(100) < percent) {
                Instant received = submitted.plus(r.nextLong(2 * 24 * 60, 10 * 24 * 60), ChronoUnit.MINUTES);
                request.putObject("inspection").put("finding", pick(r, findings)).put("received_at", received.toString());
            }
        }

        void returnPostage(int percent, int lowCents, int highCents) {
            if (r.nextInt(100) < percent) {
                request.putObject("costs").put("return_shipping", cents(r.nextInt(lowCents, highCents)));
                evidence("return_receipt", 80);
            }
        }
    }

    private static String cents(int cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A weighted choice among (value, weight) pairs. */
    static String pick(SplittableRandom r, Object... valueWeightPairs) {
        int total = 0;
        for (int i = 1; i < valueWeightPairs.length; i += 2) {
            total += (Integer) valueWeightPairs[i];
        }
        int u = r.nextInt(total);
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            u -= (Integer) valueWeightPairs[i + 1];
            if (u < 0) {
                return (String) valueWeightPairs[i];
            }
        }
        throw new AssertionError();
    }

    private static int pickInt(SplittableRandom r, int... valueWeightPairs) {
        Object[] boxed = new Object[valueWeightPairs.length];
        for (int i = 0; i < valueWeightPairs.length; i++) {
            boxed[i] = i % 2 == 0 ? String.valueOf(valueWeightPairs[i]) : valueWeightPairs[i];
        }
        return Integer.parseInt(pick(r, boxed));
    }
}
