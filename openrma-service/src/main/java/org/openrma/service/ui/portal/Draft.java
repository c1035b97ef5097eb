package org.openrma.service.ui.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Vocabulary;
import org.springframework.util.MultiValueMap;

/**
 * What the customer filled in on the request form, before it is a claim: the kind of request, the
 * reason, the lines with quantity and condition, and a description. {@link #problems} names every
 * field that is missing or wrong, in words for the page. {@code law} is what the customer states for consumer law.
 */
public record Draft(String kind, String reason, List<Line> lines, String description, Map<String, String> problems, ConsumerStatement law,
                    String resolution, String exchangeSku) {

    /** The resolutions a customer may choose in the portal, when the policy offers them. */
    public static final List<String> CHOOSABLE = List.of("refund", "store_credit", "exchange");

    public record Line(int index, String sku, int quantity, String condition) {}

    /** The request types the portal offers, with the words it shows. */
    public static final Map<String, String> KINDS = map(
            "return", "Return an item",
            "warranty", "Warranty repair or replacement",
            "cancellation", "Cancel the order",
            "amendment", "Change the order",
            "not_received", "My parcel has not arrived",
            "missing_items", "Items are missing from my parcel");

    public static final Map<String, String> REASONS = map(
            "changed_mind", "I changed my mind",
            "ordered_wrong_item", "I ordered the wrong item",
            "defective", "It is faulty",
            "dead_on_arrival", "It did not work when it arrived",
            "damaged_in_transit", "It arrived damaged",
            "not_as_described", "It is not as described",
            "wrong_item_sent", "I received the wrong item",
            "adverse_reaction", "I had an adverse reaction",
            "accidental_damage", "I damaged it by accident",
            "counterfeit", "I think it is counterfeit",
            "not_received", "The parcel has not arrived",
            "missing_items", "Items are missing");

    public static final Map<String, String> CONDITIONS = map(
            "unopened", "Unopened",
            "opened_unused", "Opened, not used",
            "used", "Used",
            "damaged", "Damaged");

    /**
     * The reasons that make sense for a kind of request, from the claim vocabularies: a reason that is a kind of request of
     * its own (the parcel has not arrived, items are missing) belongs to that kind alone (the form sets it), and a request
     * with nothing to send back (cancel or change the order) has no reason about the state of an item the customer holds.
     */
    public static Map<String, String> reasonsFor(String kind) {
        ClaimKind k = Vocabulary.parse(ClaimKind.class, kind == null ? "" : kind).orElse(ClaimKind.RETURN);
        Map<String, String> out = new LinkedHashMap<>();
        REASONS.forEach((reason, words) -> {
            boolean namesAKind = Vocabulary.parse(ClaimKind.class, reason).isPresent();
            boolean aboutAnItemHeld = !ORDER_REASONS.contains(reason);
            boolean kindIsAReason = Vocabulary.parse(Reason.class, k.wire()).isPresent();
            if (kindIsAReason || namesAKind ? reason.equals(k.wire()) : k.hasReturnLeg() || !aboutAnItemHeld) {
                out.put(reason, words);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The kinds each reason fits, for the form to show only those of the chosen kind ({@code data-kinds}). */
    public static Map<String, String> kindsOfReasons() {
        Map<String, String> out = new LinkedHashMap<>();
        REASONS.keySet().forEach(reason -> out.put(reason, String.join(" ", KINDS.keySet().stream()
                .filter(kind -> reasonsFor(kind).containsKey(reason)).toList())));
        return out;
    }

    /** Reasons about the order rather than the state of an item received. */
    private static final java.util.Set<String> ORDER_REASONS = java.util.Set.of("changed_mind", "ordered_wrong_item");

    /** The same answers without the problems (a form filled in by a link starts without error markers). */
    public Draft withoutProblems() {
        return new Draft(kind, reason, lines, description, Map.of(), law, resolution, exchangeSku);
    }

    /** The same request as another kind (the lines, conditions and description kept). */
    public Draft asKind(String otherKind) {
        return new Draft(otherKind, reason, lines, description, problems, law, null, null);
    }

    /** Kinds that concern items the customer holds, so at least one line must be picked. */
    public boolean needsLines() {
        return kind.equals("return") || kind.equals("warranty") || kind.equals("missing_items");
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * Reads the form: {@code kind}, {@code reason}, {@code description}, per order line i {@code pick_i}, {@code qty_i},
     * {@code cond_i}, and what consumer law needs ({@link ConsumerStatement#read}).
     */
    public static Draft read(MultiValueMap<String, String> form, List<String> orderSkus, List<Integer> orderQuantities) {
        return read(form, orderSkus, orderQuantities, java.util.Set.of());
    }

    /** As {@link #read(MultiValueMap, List, List)}, accepting also the item conditions the merchant's policy adds. */
    public static Draft read(MultiValueMap<String, String> form, List<String> orderSkus, List<Integer> orderQuantities,
                             java.util.Set<String> policyConditions) {
        Map<String, String> problems = new LinkedHashMap<>();
        String kind = first(form, "kind");
        if (kind == null || Vocabulary.parse(ClaimKind.class, kind).isEmpty() || !KINDS.containsKey(kind)) {
            problems.put("kind", "Choose what you need.");
            kind = kind == null ? "" : kind;
        }
        String reason = first(form, "reason");
        if (kind.equals("not_received") || kind.equals("missing_items")) {
            reason = kind;
        }
        if (reason == null || Vocabulary.parse(Reason.class, reason).isEmpty()) {
            problems.put("reason", "Choose a reason.");
            reason = reason == null ? "" : reason;
        } else if (!problems.containsKey("kind") && !reasonsFor(kind).containsKey(reason)) {
            problems.put("reason", "Choose a reason that fits \"" + KINDS.get(kind) + "\".");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < orderSkus.size(); i++) {
            if (first(form, "pick_" + i) == null) {
                continue;
            }
            String qtyText = first(form, "qty_" + i);
            int qty;
            try {
                qty = qtyText == null ? 1 : Integer.parseInt(qtyText.strip());
            } catch (NumberFormatException e) {
                qty = -1;
            }
            if (qty < 1 || qty > orderQuantities.get(i)) {
                problems.put("qty_" + i, "Enter a quantity from 1 to " + orderQuantities.get(i) + " for " + orderSkus.get(i) + ".");
            }
            String condition = first(form, "cond_" + i);
            if (condition != null && Vocabulary.parse(ItemCondition.class, condition).isEmpty() && !policyConditions.contains(condition)) {
                problems.put("cond_" + i, "Choose the condition of " + orderSkus.get(i) + ".");
                condition = null;
            }
            lines.add(new Line(i, orderSkus.get(i), Math.max(qty, 1), condition));
        }
        String description = first(form, "description");
        if (description != null && description.length() > 2000) {
            problems.put("description", "Keep the description under 2000 characters (it has " + description.length() + ").");
        }
        ConsumerStatement law = ConsumerStatement.read(form, problems);
        String resolution = first(form, "resolution");
        if (resolution != null && !CHOOSABLE.contains(resolution)) {
            problems.put("resolution", "Choose a refund, store credit or an exchange.");
            resolution = null;
        }
        String exchangeSku = "exchange".equals(resolution) ? first(form, "exchange_sku") : null;
        Draft d = new Draft(kind, reason, lines, description, problems, law, resolution, exchangeSku);
        if (!problems.containsKey("kind") && d.needsLines() && lines.isEmpty()) {
            problems.put("lines", "Choose at least one item.");
        }
        if (d.needsLines() && !kind.equals("missing_items")) {
            for (Line l : lines) {
                if (l.condition() == null && !problems.containsKey("cond_" + l.index())) {
                    problems.put("cond_" + l.index(), "Choose the condition of " + l.sku() + ".");
                }
            }
        }
        return d;
    }

    /**
     * The same draft, refusing a reason the merchant's policy offers no program for under this kind ({@code reasonKinds}: each
     * reason with the kinds it is offered for, as the form shows them); the form shows only those, this keeps a hand-made post out.
     */
    public Draft offeredOnly(Map<String, String> reasonKinds) {
        if (problems.containsKey("kind") || problems.containsKey("reason") || kind.equals("not_received") || kind.equals("missing_items")) {
            return this;
        }
        String kinds = reasonKinds.getOrDefault(reason, "");
        if ((" " + kinds + " ").contains(" " + kind + " ")) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(problems);
        more.put("reason", "Choose a reason that fits \"" + KINDS.get(kind) + "\".");
        return new Draft(kind, reason, lines, description, more, law, resolution, exchangeSku);
    }

    /** The same answers with one more problem (found once the policy has spoken, such as a resolution it does not offer). */
    public Draft withProblem(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(problems);
        more.put(field, message);
        return new Draft(kind, reason, lines, description, more, law, resolution, exchangeSku);
    }

    /** Whether the customer chose this resolution (for the form's radio buttons). */
    public boolean chose(String r) {
        return r.equals(resolution);
    }

    public boolean picked(int index) {
        return lines.stream().anyMatch(l -> l.index() == index);
    }

    public int quantity(int index, int fallback) {
        return lines.stream().filter(l -> l.index() == index).map(Line::quantity).findFirst().orElse(fallback);
    }

    public String condition(int index) {
        return lines.stream().filter(l -> l.index() == index).map(Line::condition).filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    public static Draft empty(String kind) {
        return new Draft(kind == null || !KINDS.containsKey(kind) ? "return" : kind, "", List.of(), "", Map.of(), ConsumerStatement.NONE, null, null);
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
