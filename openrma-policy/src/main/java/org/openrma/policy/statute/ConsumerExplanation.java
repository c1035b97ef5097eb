package org.openrma.policy.statute;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LegalAssessment;
import org.openrma.decision.LineResult;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;

/**
 * A composed decision told to the consumer, in three parts: what the merchant's policy says (its own
 * clause, quoted), the statutory right that applies in plain words with the national provision and
 * the one fact that triggers it, then the result with every amount, who pays what, and by when.
 * The sentences come from message bundles ({@code explanations*.properties}: English, German,
 * French); countries are named in the reader's language by the JDK, never by this code.
 */
public final class ConsumerExplanation {

    private final ResourceBundle bundle;
    private final Locale locale;

    private ConsumerExplanation(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.openrma.policy.statute.explanations", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The explanation, or an empty list when no statutory pack applied to the decision. */
    public static List<String> of(Decision d, Claim claim, Locale locale) {
        if (d.legal() == null) {
            return List.of();
        }
        return new ConsumerExplanation(locale).paragraphs(d, claim);
    }

    private List<String> paragraphs(Decision d, Claim claim) {
        LegalAssessment legal = d.legal();
        List<String> out = new ArrayList<>();
        merchant(d).ifPresent(out::add);

        LegalAssessment.Route route = route(legal);
        boolean statutory = route != null && legal.recommended() != null && legal.recommended().startsWith("statute:");
        if (route != null) {
            String country = Locale.of("", legal.country()).getDisplayCountry(locale);
            String channel = text("channel." + (claim.legal().salesChannel() == null ? "unknown" : claim.legal().salesChannel().wire()));
            String provision = route.basis().substring(route.basis().indexOf(':', "statute:".length()) + 1);
            String key = "right." + route.program();
            String right = has(key) ? format(key, country, channel, provision, route.title()) : format("right.other", country, channel, provision, route.title());
            String fact = fact(route, claim, d);
            out.add(fact.isEmpty() ? right : right + " " + fact);
        }
        out.add(result(d, claim, statutory));
        return out;
    }

    /** The statutory route the decision rests on: the recommended one, else the first that serves. */
    private static LegalAssessment.Route route(LegalAssessment legal) {
        for (LegalAssessment.Route r : legal.routes()) {
            if (r.basis().equals(legal.recommended())) {
                return r;
            }
        }
        return legal.routes().stream().filter(r -> r.outcome() != Outcome.REJECTED).findFirst()
                .orElse(legal.routes().isEmpty() ? null : legal.routes().getFirst());
    }

    /**
     * The merchant's clause, quoted: the one that grants (its legal basis) when the merchant grants,
     * else the first rule the statute displaced, else the first rule of the merchant's that refused.
     */
    private java.util.Optional<String> merchant(Decision d) {
        Map<String, Citation> cited = new java.util.LinkedHashMap<>();
        d.explanation().stream().filter(st -> st.program() != null && !st.program().contains("/"))
                .forEach(st -> st.cites().forEach(c -> cited.putIfAbsent(c.id(), c)));
        String granting = d.legal().legalBasis().values().stream().flatMap(List::stream).filter(b -> b.startsWith("merchant:")).findFirst()
                .orElse(d.legal().recommended() != null && d.legal().recommended().startsWith("merchant:") ? d.legal().recommended() : null);
        if (granting != null && cited.containsKey(granting.substring("merchant:".length()))) {
            Citation c = cited.get(granting.substring("merchant:".length()));
            return java.util.Optional.of(format("merchant.granted", c.text().strip(), c.id()));
        }
        for (LegalAssessment.Override o : d.legal().overrides()) {
            String id = o.rule().startsWith("merchant:") ? o.rule().substring("merchant:".length()).split(" ")[0] : "";
            if (cited.containsKey(id)) {
                Citation c = cited.get(id);
                return java.util.Optional.of(format("rejected".equals(o.before()) ? "merchant.refused" : "merchant.granted", c.text().strip(), c.id()));
            }
        }
        for (ExplanationStep st : d.explanation()) {
            if (st.program() != null && !st.program().contains("/") && st.result() == StepResult.FAILED && !st.cites().isEmpty()) {
                Citation c = st.cites().getFirst();
                return java.util.Optional.of(format("merchant.refused", c.text().strip(), c.id()));
            }
        }
        return java.util.Optional.empty();
    }

    /** The one fact that triggers the right: how many days after possession the notice was sent. */
    private String fact(LegalAssessment.Route route, Claim claim, Decision d) {
        boolean timed = route.program().startsWith("withdrawal") || route.program().startsWith("cancellation") || route.program().equals("short-term-reject");
        if (!timed || route.program().endsWith("before-delivery")) {
            return "";
        }
        var possession = claim.legal().possessionOfLastGood(claim.order());
        if (possession.isEmpty()) {
            return text("fact.pending");
        }
        Instant sent = claim.legal().noticeSentAt() != null && claim.legal().noticeSentAt().isBefore(claim.request().submittedAt())
                ? claim.legal().noticeSentAt() : claim.request().submittedAt();
        long days = ChronoUnit.DAYS.between(possession.get().atZone(ZoneOffset.UTC).toLocalDate(), sent.atZone(ZoneOffset.UTC).toLocalDate());
        return format(route.outcome() == Outcome.REJECTED ? "fact.days.outside" : "fact.days", days);
    }

    private String result(Decision d, Claim claim, boolean statutory) {
        List<String> s = new ArrayList<>();
        switch (d.outcome()) {
            case APPROVED -> {
                if (d.resolutions().contains(Resolution.REFUND) && d.refund().isPositive()) {
                    Money goods = d.lines().stream().filter(l -> l.outcome() != Outcome.REJECTED).map(LineResult::price)
                            .reduce(Money.zero(d.refund().getCurrencyUnit()), Money::plus);
                    Money deducted = d.deductions().values().stream().reduce(Money.zero(d.refund().getCurrencyUnit()), Money::plus);
                    Money delivery = d.refund().plus(deducted).minus(goods);
                    s.add(delivery.isPositive() ? format("result.refund", money(d.refund()), money(goods), money(delivery))
                            : format("result.refund.goods", money(d.refund())));
                    Money paid = claim.order().shipping().amount();
                    if (statutory && delivery.isPositive() && paid.isGreaterThan(delivery) && claim.legal().cheapestStandardDelivery() != null) {
                        s.add(format("result.express", money(paid.minus(delivery))));
                    }
                    d.deductions().forEach((kind, amount) -> s.add(format("result.deduction", money(amount), text("ded." + kind.wire()))));
                    if (statutory && d.deductions().keySet().stream().noneMatch(k -> k == DeductionKind.RESTOCKING_FEE || k == DeductionKind.HANDLING)
                            && (d.legal().overrides().stream().anyMatch(o -> o.rule().contains("restocking") || o.rule().contains("handling")))) {
                        s.add(text("result.no.fee"));
                    }
                }
                List<Resolution> choices = d.resolutions().stream().sorted().toList();
                if (choices.size() > 1 && d.chosenBy() == org.openrma.decision.Chooser.CUSTOMER) {
                    s.add(format("result.choose", String.join(text("or"), choices.stream().map(r -> text("res." + r.wire())).toList())));
                }
                LocalDate shipBack = d.deadlines().get("ship_back_by");
                String by = shipBack == null ? "" : format("result.by", date(shipBack));
                if (d.returnShippingPaidBy() == Payer.CUSTOMER) {
                    s.add(format("result.return.customer", by));
                } else if (d.returnShippingPaidBy() == Payer.MERCHANT) {
                    String reimbursed = d.returnShippingReimbursed() != null && d.returnShippingReimbursed().isPositive()
                            ? format("result.reimbursed", money(d.returnShippingReimbursed())) : "";
                    s.add(format("result.return.merchant", reimbursed));
                }
                LocalDate refundBy = d.deadlines().get("refund_by");
                if (refundBy != null && d.refund().isPositive()) {
                    s.add(format("result.refund.by", date(refundBy)));
                }
                if (!statutory) {
                    s.add(text("result.generous"));
                }
            }
            case NEEDS_EVIDENCE -> s.add(format("result.evidence", String.join(", ", d.missingEvidence())));
            case NEEDS_REVIEW -> s.add(format("result.review", d.summary()));
            case REJECTED -> s.add(format("result.rejected", d.summary()));
        }
        return String.join(" ", s);
    }

    private String money(Money m) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(java.util.Currency.getInstance(m.getCurrencyUnit().getCode()));
        return f.format(m.getAmount());
    }

    private String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A sentence without arguments, through MessageFormat too so quoting is the same everywhere. */
    private String text(String key) {
        return format(key);
    }

    private String format(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The languages with a bundle. */
    public static List<Locale> languages() {
        return List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);
    }
}
