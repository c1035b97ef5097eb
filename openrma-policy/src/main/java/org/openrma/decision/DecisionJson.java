package org.openrma.decision;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a decision as the JSON the CLI prints, the API returns and the service stores: snake_case keys, amounts as
 * decimal strings, maps by key. Written in one pass from the decision ({@link #compact}); the tree and the indented text
 * are read from that.
 */
public final class DecisionJson {

    private static final ObjectMapper INDENTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private DecisionJson() {}

    /** Indented, as the CLI prints it. */
    public static String write(Decision d) {
        return INDENTED.writeValueAsString(toTree(d));
    }

    public static ObjectNode toTree(Decision d) {
        return (ObjectNode) COMPACT.readTree(compact(d));
    }

    /** On one line, written straight from the decision (no tree): what the service stores and answers. */
    public static String compact(Decision d) {
        StringWriter out = new StringWriter(8192);
        try (JsonGenerator g = COMPACT.createGenerator(out)) {
            writeTo(d, g);
        }
        return out.toString();
    }

    private static void writeTo(Decision d, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("outcome", d.outcome().wire());
        g.writeStringProperty("program", d.program());
        g.writeStringProperty("summary", d.summary());
        g.writeArrayPropertyStart("resolutions");
        d.resolutions().stream().sorted().forEach(r -> g.writeString(r.wire()));
        g.writeEndArray();
        g.writeStringProperty("chosen_by", wire(d.chosenBy()));
        g.writeBooleanProperty("needs_consent", d.needsConsent());
        g.writeStringProperty("refund", amount(d.refund()));
        g.writeObjectPropertyStart("deductions");
        d.deductions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> g.writeStringProperty(e.getKey().wire(), amount(e.getValue())));
        g.writeEndObject();
        g.writeStringProperty("return_shipping_paid_by", wire(d.returnShippingPaidBy()));
        g.writeStringProperty("return_shipping_reimbursed", amount(d.returnShippingReimbursed()));
        g.writeStringProperty("outbound_shipping_paid_by", wire(d.outboundShippingPaidBy()));
        g.writeArrayPropertyStart("remedies");
        for (Remedy r : d.remedies()) {
            g.writeStartObject();
            g.writeStringProperty("resolution", r.resolution().wire());
            g.writeStringProperty("value", amount(r.value()));
            if (r.bonusPercent() != null) {
                g.writeStringProperty("bonus_percent", r.bonusPercent().toPlainString());
            }
            g.writeBooleanProperty("set_by_agent", r.setByAgent());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "missing_evidence", d.missingEvidence());
        g.writeObjectPropertyStart("deadlines");
        d.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> g.writeStringProperty(e.getKey(), e.getValue().toString()));
        g.writeEndObject();
        g.writeObjectPropertyStart("policy_version");
        g.writeStringProperty("policy", d.policyVersion().policy());
        g.writeStringProperty("version", d.policyVersion().version());
        g.writeStringProperty("effective_from", String.valueOf(d.policyVersion().effectiveFrom()));
        g.writeStringProperty("sha256", d.policyVersion().sha256());
        g.writeEndObject();
        g.writeArrayPropertyStart("programs");
        for (ProgramVerdict p : d.programs()) {
            g.writeStartObject();
            g.writeStringProperty("program", p.program());
            g.writeStringProperty("title", p.title());
            g.writeStringProperty("outcome", p.outcome() == null ? "not_applicable" : p.outcome().wire());
            g.writeStringProperty("says", p.says());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("lines");
        for (LineResult l : d.lines()) {
            g.writeStartObject();
            g.writeStringProperty("sku", l.sku());
            g.writeNumberProperty("quantity", l.quantity());
            g.writeStringProperty("outcome", l.outcome().wire());
            g.writeStringProperty("price", amount(l.price()));
            strings(g, "reasons", l.reasons());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (d.legal() != null) {
            writeLegal(g, d.legal());
        }
        citations(g, "decisive_citations", d.decisiveCitations());
        g.writeArrayPropertyStart("explanation");
        for (ExplanationStep s : d.explanation()) {
            g.writeStartObject();
            g.writeStringProperty("program", s.program());
            g.writeStringProperty("rule", s.rule());
            if (s.line() != null) {
                g.writeStringProperty("line", s.line());
            }
            g.writeStringProperty("result", s.result().wire());
            g.writeStringProperty("says", s.says());
            g.writeObjectPropertyStart("read");
            s.read().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> g.writeStringProperty(e.getKey(), e.getValue()));
            g.writeEndObject();
            citations(g, "cites", s.cites());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The statutory layer's additions: present only when a statutory pack applied. */
    private static void writeLegal(JsonGenerator g, LegalAssessment legal) {
        g.writeObjectPropertyStart("legal_basis");
        legal.legalBasis().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().isEmpty())
                .forEach(e -> strings(g, e.getKey().wire(), e.getValue()));
        g.writeEndObject();
        g.writeArrayPropertyStart("overrides");
        for (LegalAssessment.Override ov : legal.overrides()) {
            g.writeStartObject();
            g.writeStringProperty("rule", ov.rule());
            g.writeStringProperty("provision", ov.provision());
            g.writeStringProperty("before", ov.before());
            g.writeStringProperty("after", ov.after());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("statutory");
        g.writeStringProperty("country", legal.country());
        strings(g, "packs", legal.packs());
        g.writeStringProperty("recommended", legal.recommended());
        g.writeArrayPropertyStart("routes");
        for (LegalAssessment.Route r : legal.routes()) {
            g.writeStartObject();
            g.writeStringProperty("basis", r.basis());
            g.writeStringProperty("program", r.program());
            g.writeStringProperty("title", r.title());
            g.writeStringProperty("outcome", r.outcome().wire());
            g.writeStringProperty("refund", amount(r.refund()));
            g.writeStringProperty("says", r.says());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void citations(JsonGenerator g, String name, List<Citation> cited) {
        g.writeArrayPropertyStart(name);
        for (Citation c : cited) {
            g.writeStartObject();
            g.writeStringProperty("clause", c.id());
            g.writeStringProperty("text", c.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String amount(Money m) {
        return m == null ? null : m.getAmount().toPlainString();
    }

    private static String wire(Vocabulary v) {
        return v == null ? null : v.wire();
    }
}
