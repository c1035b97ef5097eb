package org.openrma.decision;

import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a decision as the JSON the CLI prints and the API returns: snake_case keys, amounts as decimal strings. */
public final class DecisionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DecisionJson() {}

    public static String write(Decision d) {
        return MAPPER.writeValueAsString(toTree(d));
    }

    public static ObjectNode toTree(Decision d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("outcome", d.outcome().wire());
        o.put("program", d.program());
        o.put("summary", d.summary());
        ArrayNode res = o.putArray("resolutions");
        d.resolutions().stream().sorted().forEach(r -> res.add(r.wire()));
        o.put("chosen_by", d.chosenBy() == null ? null : d.chosenBy().wire());
        o.put("needs_consent", d.needsConsent());
        o.put("refund", amount(d.refund()));
        ObjectNode ded = o.putObject("deductions");
        d.deductions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ded.put(e.getKey().wire(), amount(e.getValue())));
        o.put("return_shipping_paid_by", wire(d.returnShippingPaidBy()));
        o.put("return_shipping_reimbursed", amount(d.returnShippingReimbursed()));
        o.put("outbound_shipping_paid_by", wire(d.outboundShippingPaidBy()));
        var remedies = o.putArray("remedies");
        d.remedies().forEach(r -> {
            var rn = remedies.addObject();
            rn.put("resolution", r.resolution().wire());
            rn.put("value", r.value() == null ? null : amount(r.value()));
            if (r.bonusPercent() != null) {
                rn.put("bonus_percent", r.bonusPercent().toPlainString());
            }
            rn.put("set_by_agent", r.setByAgent());
        });
        ArrayNode missing = o.putArray("missing_evidence");
        d.missingEvidence().forEach(missing::add);
        ObjectNode deadlines = o.putObject("deadlines");
        d.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> deadlines.put(e.getKey(), e.getValue().toString()));
        ObjectNode version = o.putObject("policy_version");
        version.put("policy", d.policyVersion().policy());
        version.put("version", d.policyVersion().version());
        version.put("effective_from", String.valueOf(d.policyVersion().effectiveFrom()));
        version.put("sha256", d.policyVersion().sha256());
        ArrayNode programs = o.putArray("programs");
        for (ProgramVerdict p : d.programs()) {
            ObjectNode pn = programs.addObject();
            pn.put("program", p.program());
            pn.put("title", p.title());
            pn.put("outcome", p.outcome() == null ? "not_applicable" : p.outcome().wire());
            pn.put("says", p.says());
        }
        ArrayNode lines = o.putArray("lines");
        for (LineResult l : d.lines()) {
            ObjectNode ln = lines.addObject();
            ln.put("sku", l.sku());
            ln.put("quantity", l.quantity());
            ln.put("outcome", l.outcome().wire());
            ln.put("price", amount(l.price()));
            ArrayNode reasons = ln.putArray("reasons");
            l.reasons().forEach(reasons::add);
        }
        if (d.legal() != null) {
            writeLegal(o, d.legal());
        }
        ArrayNode decisive = o.putArray("decisive_citations");
        d.decisiveCitations().forEach(c -> decisive.addObject().put("clause", c.id()).put("text", c.text()));
        ArrayNode explanation = o.putArray("explanation");
        for (ExplanationStep s : d.explanation()) {
            ObjectNode sn = explanation.addObject();
            sn.put("program", s.program());
            sn.put("rule", s.rule());
            if (s.line() != null) {
                sn.put("line", s.line());
            }
            sn.put("result", s.result().wire());
            sn.put("says", s.says());
            ObjectNode read = sn.putObject("read");
            s.read().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> read.put(e.getKey(), e.getValue()));
            ArrayNode cites = sn.putArray("cites");
            s.cites().forEach(c -> cites.addObject().put("clause", c.id()).put("text", c.text()));
        }
        return o;
    }

    /** The statutory layer's additions: present only when a statutory pack applied. */
    private static void writeLegal(ObjectNode o, LegalAssessment legal) {
        ObjectNode basis = o.putObject("legal_basis");
        legal.legalBasis().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(b -> basis.withArray(e.getKey().wire()).add(b)));
        ArrayNode overrides = o.putArray("overrides");
        legal.overrides().forEach(ov -> overrides.addObject().put("rule", ov.rule()).put("provision", ov.provision())
                .put("before", ov.before()).put("after", ov.after()));
        ObjectNode statutory = o.putObject("statutory");
        statutory.put("country", legal.country());
        ArrayNode packs = statutory.putArray("packs");
        legal.packs().forEach(packs::add);
        statutory.put("recommended", legal.recommended());
        ArrayNode routes = statutory.putArray("routes");
        legal.routes().forEach(r -> routes.addObject().put("basis", r.basis()).put("program", r.program()).put("title", r.title())
                .put("outcome", r.outcome().wire()).put("refund", amount(r.refund())).put("says", r.says()));
    }

    private static String amount(Money m) {
        return m == null ? null : m.getAmount().toPlainString();
    }

    private static String wire(Vocabulary v) {
        return v == null ? null : v.wire();
    }

}
