package org.openrma.service.ui.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.StepResult;
import org.openrma.policy.CompiledPolicy;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.ui.UiFormats;
import org.openrma.service.ui.UiMessages;

/**
 * After a refusal the portal leaves no dead end. It says why in the customer's words (the merchant's own sentences from
 * the policy; a missed time limit as the last day it was open), and lists what the customer can still do, each a link
 * that fills in the request form:
 * <ul>
 *   <li>another program of the policy that takes the same items: the same lines decided again as each other kind of
 *       request that sends items back, offered only when the policy would not refuse it, with the last day it is open;</li>
 *   <li>a case-by-case review, where the policy in force keeps discretion over any request (its clause quoted).</li>
 * </ul>
 */
final class WaysForward {

    /** Why the request is refused, sentence by sentence, and what the customer can still do. */
    record Help(List<String> why, List<Step> steps) {}

    /** One thing the customer can still do: a name for tests and anchors, the words, and the prefilled form. */
    record Step(String id, String title, String detail, String quote, String href) {}

    private final ClaimDrafts drafts;
    private final MerchantPolicies policies;
    private final UiMessages text;

    WaysForward(ClaimDrafts drafts, MerchantPolicies policies, UiMessages text) {
        this.drafts = drafts;
        this.policies = policies;
        this.text = text;
    }

    Help after(Merchant merchant, StoredOrder order, Draft draft, Set<Evidence> evidence, Decision refused) {
        List<Step> steps = new ArrayList<>();
        for (ClaimKind kind : ClaimKind.values()) {
            if (kind.hasReturnLeg() && !kind.wire().equals(draft.kind()) && Draft.KINDS.containsKey(kind.wire())) {
                otherProgram(merchant, order, draft.asKind(kind.wire()), evidence).ifPresent(steps::add);
            }
        }
        caseByCase(merchant, order, draft).ifPresent(steps::add);
        return new Help(why(refused), List.copyOf(steps));
    }

    /**
     * The refusal in the customer's words: each rule of the refusing program (all programs when none decided) that failed,
     * as the policy words it; a missed time limit as "the last day … was …" rather than the engine's window name.
     */
    List<String> why(Decision refused) {
        Set<String> why = new LinkedHashSet<>();
        for (ExplanationStep step : refused.explanation()) {
            boolean inProgram = refused.program() == null || step.program() == null || refused.program().equals(step.program());
            if (step.result() != StepResult.FAILED || !inProgram) {
                continue;
            }
            String lastDay = step.read().get("last_day");
            if (lastDay != null && step.rule().endsWith(".claim_window_ends")) {
                String title = title(refused, step.program());
                // the program's title is the merchant's words, quoted as written; the day in the page's language
                String day = new UiFormats(text.locale()).date(lastDay);
                // English says "the 30-day return"; other languages quote the title as the merchant wrote it
                String named = title != null && "en".equals(text.locale().getLanguage()) ? lowerFirst(title) : title;
                why.add(title == null ? text.get("portal.why.last-day", day) : text.get("portal.why.last-day-for", named, day));
            } else {
                why.add(step.says());
            }
        }
        if (why.isEmpty() && refused.summary() != null) {
            why.add(refused.summary().replaceFirst("^Rejected: ", ""));
        }
        return List.copyOf(why);
    }

    private java.util.Optional<Step> otherProgram(Merchant merchant, StoredOrder order, Draft other, Set<Evidence> evidence) {
        Decision d;
        try {
            d = drafts.decide(merchant, order, other, evidence);
        } catch (RuntimeException e) {
            // a draft this kind cannot carry (a reason or condition the policy does not read for it): not a way forward
            return java.util.Optional.empty();
        }
        if (d.program() == null || d.outcome() == Outcome.REJECTED) {
            return java.util.Optional.empty();
        }
        String title = Objects.requireNonNullElse(title(d, d.program()), text.orElse("portal.kind." + other.kind(), Draft.KINDS.get(other.kind())));
        String lastDay = d.explanation().stream()
                .filter(s -> d.program().equals(s.program()) && s.rule().endsWith(".claim_window_ends") && s.result() == StepResult.PASSED)
                .map(s -> s.read().get("last_day")).filter(Objects::nonNull).findFirst().orElse(null);
        title = "en".equals(text.locale().getLanguage()) ? lowerFirst(title) : title;
        StringBuilder detail = new StringBuilder(switch (d.outcome()) {
            case APPROVED -> text.get("portal.way.qualifies", title);
            case NEEDS_EVIDENCE -> text.get("portal.way.qualifies-with-evidence", title, String.join(", ", d.missingEvidence().stream()
                    .map(e -> text.orElse("common.evidence." + e, DecisionModel.words(e))).toList()));
            default -> text.get("portal.way.qualifies-for-review", title);
        });
        if (lastDay != null) {
            detail.append(' ').append(text.get("portal.way.until", new UiFormats(text.locale()).date(lastDay)));
        }
        String quote = d.decisiveCitations().stream().findFirst().map(Citation::text).orElse(null);
        return java.util.Optional.of(new Step("switch-to-" + other.kind(), text.get("portal.way.switch",
                text.orElse("common.kind." + other.kind(), DecisionModel.words(other.kind()))),
                detail.toString(), quote, link(merchant, other, null)));
    }

    /** Where the policy in force for the order keeps discretion over any request: ask for that, the form filled in. */
    private java.util.Optional<Step> caseByCase(Merchant merchant, StoredOrder order, Draft draft) {
        List<Citation> discretion = policies.catalog(merchant.id()).versionInForce(merchant.policyId(), order.placedAt())
                .map(CompiledPolicy::discretion).orElse(List.of());
        if (discretion.isEmpty()) {
            return java.util.Optional.empty();
        }
        String ask = text.get("portal.way.case-by-case-note") + " " + (draft.description() == null ? "" : draft.description());
        return java.util.Optional.of(new Step("case-by-case", text.get("portal.way.case-by-case"),
                text.get("portal.way.case-by-case-detail", merchant.name()),
                discretion.getFirst().text(), link(merchant, draft, ask.strip())));
    }

    /** The order page with the request form filled in: kind, reason, the lines with quantity and condition, a note. */
    private static String link(Merchant merchant, Draft draft, String description) {
        StringBuilder q = new StringBuilder("/portal/").append(merchant.slug()).append("/order?kind=").append(enc(draft.kind()))
                .append("&reason=").append(enc(draft.reason()));
        for (Draft.Line l : draft.lines()) {
            q.append("&pick_").append(l.index()).append("=1&qty_").append(l.index()).append('=').append(l.quantity());
            if (l.condition() != null) {
                q.append("&cond_").append(l.index()).append('=').append(enc(l.condition()));
            }
        }
        String note = description != null ? description : draft.description();
        if (note != null && !note.isBlank()) {
            q.append("&description=").append(enc(note));
        }
        return q.append("#claim-form").toString();
    }

    private static String title(Decision d, String program) {
        return d.programs().stream().filter(p -> p.program().equals(program)).map(ProgramVerdict::title).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
