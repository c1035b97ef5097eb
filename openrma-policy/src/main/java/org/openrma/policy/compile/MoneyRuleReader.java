package org.openrma.policy.compile;

import org.openrma.policy.model.Condition;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Event;
import org.openrma.policy.model.Field;
import org.openrma.policy.model.Rules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openrma.claim.Evidence;
import org.openrma.claim.ShippingMethod;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Chooser;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.Rules.AmountSource;
import org.openrma.policy.model.Rules.Deduction;
import org.openrma.policy.model.Rules.Offer;
import org.openrma.policy.model.Rules.Refund;
import org.openrma.policy.model.Rules.RefundBase;
import org.openrma.policy.model.Rules.Reimbursement;
import org.openrma.policy.model.Rules.ShippingRule;
import org.openrma.policy.source.Node;

/** The money a program moves: the remedies offered, the refund's base, each deduction (flat, per unit, a percentage) and who pays shipping. */
final class MoneyRuleReader extends RuleReader {

    MoneyRuleReader(Sink sink, Declarations declarations, ConditionReader conditions, Clauses clauses) {
        super(sink, declarations, conditions, clauses);
    }

    Rules.Resolutions resolutions(Node node) {
        Node.Mapping m = mapping(node, "resolutions");
        if (m == null) {
            return ERROR_RESOLUTIONS;
        }
        known(m, "resolutions", "offer", "chosen_by");
        Chooser chooser = word(m, "chosen_by", Chooser.class).orElse(Chooser.CUSTOMER);
        List<Offer> offers = list(m.entries().get("offer"), "offer", n -> switch (n) {
            case Node.Scalar s -> vocabulary(s, Resolution.class).map(r -> new Offer(r, Condition.ALWAYS, false, List.of())).orElse(null);
            case Node.Mapping om -> {
                known(om, "an offer", "resolution", "when", "needs_consent", "cites", "bonus_percent", "up_to_percent");
                Optional<Resolution> r = word(om, "resolution", Resolution.class);
                if (r.isEmpty()) {
                    error(om, "an offer needs 'resolution'");
                    yield null;
                }
                BigDecimal bonus = om.get("bonus_percent").map(x -> decimal(x, "bonus_percent")).orElse(null);
                BigDecimal upTo = om.get("up_to_percent").map(x -> decimal(x, "up_to_percent")).orElse(null);
                if (upTo != null && upTo.compareTo(BigDecimal.valueOf(100)) > 0) {
                    error(om.entries().get("up_to_percent"), "up_to_percent is at most 100");
                }
                yield new Offer(r.get(), om.get("when").map(this::condition).orElse(Condition.ALWAYS),
                        bool(om, "needs_consent").orElse(false), cites(om), bonus, upTo);
            }
            default -> {
                error(n, "an offer is a resolution word or {resolution, when, needs_consent, cites}");
                yield null;
            }
        });
        return new Rules.Resolutions(offers, chooser);
    }

    Refund refund(Node node) {
        Node.Mapping m = mapping(node, "refund");
        if (m == null) {
            return ERROR_REFUND;
        }
        known(m, "refund", "of", "cites");
        String of = Optional.ofNullable(text(m, "of", false)).orElse("items");
        if (Field.attributeName(of).isPresent()) {
            return new Refund(RefundBase.ITEMS, cites(m), moneyAttribute(m.entries().get("of")));
        }
        RefundBase base = switch (of) {
            case "items" -> RefundBase.ITEMS;
            case "items_and_shipping" -> RefundBase.ITEMS_AND_SHIPPING;
            default -> {
                error(m.entries().get("of"), "refund 'of' must be items, items_and_shipping or a declared money attribute (an amount per unit)");
                yield ERROR_REFUND_BASE;
            }
        };
        return new Refund(base, cites(m), null);
    }

    Deduction deduction(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "a deduction");
        if (m == null) {
            return null;
        }
        known(m, "a deduction", "id", "kind", "percent", "of", "amount", "when", "unless", "per", "max", "min", "cites", "says");
        Optional<DeductionKind> kind = word(m, "kind", DeductionKind.class);
        if (kind.isEmpty() && !m.entries().containsKey("kind")) {
            error(m, "a deduction needs 'kind' (" + Vocabulary.allowed(DeductionKind.class) + ")");
        }
        Rules.Percent percent = m.get("percent").map(this::percent).orElse(null);
        BigDecimal flat = null;
        AmountSource source = null;
        Node amount = m.entries().get("amount");
        Field perUnitAmount = null;
        if (amount instanceof Node.Scalar s && s.value() != null && Field.attributeName(s.text()).isPresent()) {
            perUnitAmount = moneyAttribute(s);
        } else if (amount instanceof Node.Scalar s && s.value() != null) {
            Optional<AmountSource> named = java.util.Arrays.stream(AmountSource.values()).filter(a -> a.word.equals(s.text())).findFirst();
            if (named.isPresent()) {
                source = named.get();
            } else {
                flat = decimal(s, "amount");
            }
        } else if (amount != null) {
            error(amount, "amount is a decimal such as \"5.00\" or one of " + String.join(", ",
                    java.util.Arrays.stream(AmountSource.values()).map(a -> a.word).toList()));
        }
        if ((percent == null ? 0 : 1) + (amount == null ? 0 : 1) != 1) {
            error(m, "a deduction needs exactly one of 'percent' or 'amount'");
        }
        String of = text(m, "of", false);
        if (of != null && !of.equals("items")) {
            error(m.entries().get("of"), "a percentage is taken 'of: items' (the claimed lines' prices)");
        }
        Condition when = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        BigDecimal max = m.get("max").map(n -> decimal(n, "max")).orElse(null);
        Rules.Per per = Optional.ofNullable(text(m, "per", false)).map(p -> switch (p) {
            case "claim" -> Rules.Per.CLAIM;
            case "line" -> Rules.Per.LINE;
            case "unit" -> Rules.Per.UNIT;
            default -> {
                error(m.entries().get("per"), "per is claim, line or unit");
                yield ERROR_PER;
            }
        }).orElse(Rules.Per.CLAIM);
        if (m.entries().containsKey("per") && flat == null) {
            error(m.entries().get("per"), "'per' goes with a flat amount such as \"45.00\"");
        }
        Condition unless = m.get("unless").map(this::condition).orElse(null);
        return new Deduction(Optional.ofNullable(text(m, "id", false)).orElse(defaultName), kind.orElse(ERROR_DEDUCTION_KIND), percent,
                flat, source, when, max, cites(m), text(m, "says", false), per, unless, perUnitAmount,
                m.get("min").map(n -> decimal(n, "min")).orElse(null));
    }

    /** A declared money attribute named as an amount: read per unit from the claim. */
    Field moneyAttribute(Node at) {
        String name = scalarText(at);
        Optional<Declarations.Attribute> a = declarations.attribute(name);
        if (a.isEmpty() || a.get().type() != Declarations.Type.MONEY) {
            error(at, "'" + name + "' is not a declared money attribute; declare it under attributes with type: money");
            return null;
        }
        return Field.of(name, declarations);
    }

    Rules.Percent percent(Node node) {
        if (node instanceof Node.Scalar s) {
            BigDecimal p = decimal(s, "percent");
            if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0)) {
                error(s, "a percentage is between 0 and 100 (got " + p.toPlainString() + ")");
            }
            return new Rules.FixedPercent(p == null ? ERROR_PERCENT.percent() : p);
        }
        Node.Mapping m = mapping(node, "percent");
        if (m == null) {
            return ERROR_PERCENT;
        }
        known(m, "percent", "by", "values", "default", "since", "until", "bands", "beyond");
        BigDecimal otherwise = m.get("default").or(() -> m.get("beyond")).map(n -> decimal(n, "default")).orElse(BigDecimal.ZERO);
        if (m.entries().containsKey("since")) {
            Event since = event(m.entries().get("since")).orElse(ERROR_EVENT);
            TreeMap<Integer, BigDecimal> bands = new TreeMap<>();
            list(m.entries().get("bands"), "bands", n -> {
                Node.Mapping b = mapping(n, "a band");
                if (b != null) {
                    known(b, "a band", "up_to_days", "percent");
                    Long upTo = b.get("up_to_days").map(x -> x instanceof Node.Scalar bs && bs.value() instanceof Long l ? l : null).orElse(null);
                    BigDecimal p = b.get("percent").map(x -> decimal(x, "percent")).orElse(null);
                    if (upTo == null || p == null) {
                        error(b, "a band is {up_to_days: N, percent: P}");
                    } else {
                        bands.put(upTo.intValue(), p);
                    }
                }
                return null;
            });
            Event until = m.get("until").flatMap(this::event).orElse(Event.SUBMITTED);
            if (m.entries().containsKey("until") && !List.of(Event.SUBMITTED, Event.SHIPPED_BACK, Event.RECEIVED).contains(until)) {
                error(m.entries().get("until"), "elapsed time is measured until submitted, shipped_back or received");
            }
            if (bands.isEmpty()) {
                error(m, "a percentage by elapsed days needs 'bands': at least one {up_to_days, percent}");
            }
            return new Rules.PercentByElapsedDays(since, until, bands, otherwise);
        }
        Field field = field(m.entries().get("by"));
        Map<String, BigDecimal> table = new LinkedHashMap<>();
        Node values = m.entries().get("values");
        if (values instanceof Node.Mapping vm) {
            vm.entries().forEach((k, v) -> table.put(k, decimal(v, "values." + k)));
            if (vm.entries().isEmpty()) {
                error(vm, "a percentage table has no 'values': list at least one word with its percentage");
            }
        } else {
            error(m, "a percentage table needs 'values': a map of words to percentages");
        }
        return new Rules.PercentByField(field, table, otherwise);
    }

    ShippingRule shipping(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "a shipping rule");
        if (m == null) {
            return null;
        }
        known(m, "a shipping rule", "id", "paid_by", "when", "reimburse", "requires", "max", "method", "upgrade_paid_by", "cites", "says");
        Optional<Payer> payer = word(m, "paid_by", Payer.class);
        if (payer.isEmpty() && !m.entries().containsKey("paid_by")) {
            error(m, "a shipping rule needs 'paid_by' (customer or merchant)");
        }
        Reimbursement reimburse = Optional.ofNullable(text(m, "reimburse", false)).map(r -> switch (r) {
            case "none" -> Reimbursement.NONE;
            case "receipt" -> Reimbursement.RECEIPT;
            case "label" -> Reimbursement.LABEL;
            default -> {
                error(m.entries().get("reimburse"), "reimburse must be none, receipt or label");
                yield ERROR_REIMBURSEMENT;
            }
        }).orElse(Reimbursement.NONE);
        Evidence requires = word(m, "requires", Evidence.class).orElse(null);
        return new ShippingRule(Optional.ofNullable(text(m, "id", false)).orElse(defaultName), payer.orElse(ERROR_PAYER),
                m.get("when").map(this::condition).orElse(Condition.ALWAYS), reimburse, requires,
                m.get("max").map(n -> decimal(n, "max")).orElse(null), word(m, "method", ShippingMethod.class).orElse(null),
                word(m, "upgrade_paid_by", Payer.class).orElse(null), cites(m), text(m, "says", false));
    }
}
