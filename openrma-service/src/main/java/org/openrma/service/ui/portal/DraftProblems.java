package org.openrma.service.ui.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openrma.claim.Reason;
import org.openrma.claim.Vocabulary;
import org.openrma.service.ui.UiMessages;

/**
 * What is wrong with a request form, in the page's language. {@link Draft#read} names each field that is wrong (with
 * the English sentence, kept for logs and for a field this class does not know); the page says it from the message
 * bundles, with the field's own facts: the item and how many were ordered, the kind chosen, the length written.
 */
final class DraftProblems {

    private DraftProblems() {}

    static List<String> inWords(Draft draft, OrderModel order, UiMessages text) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> p : draft.problems().entrySet()) {
            out.add(inWords(p.getKey(), p.getValue(), draft, order, text));
        }
        return out;
    }

    private static String inWords(String field, String english, Draft draft, OrderModel order, UiMessages text) {
        int line = field.startsWith("qty_") || field.startsWith("cond_") ? index(field) : -1;
        if (line >= 0 && line >= order.lines().size()) {
            return english;
        }
        return switch (field.replaceFirst("_\\d+$", "_")) {
            case "kind" -> text.get("portal.problem.kind");
            case "reason" -> Vocabulary.parse(Reason.class, draft.reason()).isPresent() && Draft.KINDS.containsKey(draft.kind())
                    ? text.get("portal.problem.reason-fits", text.orElse("portal.kind." + draft.kind(), Draft.KINDS.get(draft.kind())))
                    : text.get("portal.problem.reason");
            case "qty_" -> text.get("portal.problem.quantity", order.quantities().get(line), order.skus().get(line));
            case "cond_" -> text.get("portal.problem.condition", order.skus().get(line));
            case "description" -> text.get("portal.problem.description", draft.description() == null ? 0 : draft.description().length());
            case "lines" -> text.get("portal.problem.lines");
            case "country" -> text.get("portal.problem.country");
            case "buyer" -> text.get("portal.problem.buyer");
            case "notice_sent_on" -> text.get("portal.problem.notice-sent-on");
            case "chosen_remedy" -> text.get("portal.problem.remedy");
            default -> english;
        };
    }

    private static int index(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('_') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
