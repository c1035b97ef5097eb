package org.openrma.policy.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.claim.Claim;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.InvalidClaimException.FieldProblem;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Vocabulary;
import org.openrma.claim.OrderLine;
import org.openrma.reading.Wording;

/**
 * Checks a claim against what the deciding policy declares: words beyond the standard vocabularies
 * must be declared by it, and declared attributes must have values of their type. A claim that
 * fails is refused with every problem, each naming its field and the values the policy accepts.
 */
public final class ClaimCheck {

    private ClaimCheck() {}

    public static void against(Declarations d, Claim claim) {
        List<FieldProblem> problems = new ArrayList<>();
        var request = claim.request();
        word(problems, "request.reason", request.reasonWord(), Reason.class, d.declared(Declarations.Vocabularies.REASONS));
        for (String f : request.words().facts()) {
            word(problems, "request.facts", f, Fact.class, d.declared(Declarations.Vocabularies.FACTS));
        }
        for (String e : request.words().evidence()) {
            word(problems, "request.evidence", e, Evidence.class, d.declared(Declarations.Vocabularies.EVIDENCE));
        }
        for (int l = 0; l < request.lines().size(); l++) {
            String c = request.lines().get(l).conditionWord();
            if (c != null) {
                word(problems, "request.lines[" + l + "].condition", c, ItemCondition.class, d.declared(Declarations.Vocabularies.CONDITIONS));
            }
        }
        attributes(problems, d, "order", "order.attributes", claim.order().attributes());
        attributes(problems, d, "request", "request.attributes", request.attributes());
        attributes(problems, d, "customer", "order.customer.attributes", claim.order().customer().attributes());
        List<OrderLine> lines = claim.order().lines();
        for (int l = 0; l < lines.size(); l++) {
            attributes(problems, d, "line", "order.lines[" + l + "].attributes", lines.get(l).attributes());
        }
        if (!problems.isEmpty()) {
            throw new InvalidClaimException(problems);
        }
    }

    private static <E extends Enum<E> & Vocabulary> void word(List<FieldProblem> problems, String field, String word, Class<E> standard,
            Set<String> declared) {
        if (word == null || Vocabulary.parse(standard, word).isPresent() || declared.contains(word)) {
            return;
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (E e : standard.getEnumConstants()) {
            accepted.add(e.wire());
        }
        accepted.addAll(declared);
        problems.add(new FieldProblem(field, Wording.unknownValue(word, accepted)));
    }

    private static void attributes(List<FieldProblem> problems, Declarations d, String scope, String path, Map<String, String> values) {
        values.forEach((name, value) -> d.attribute(scope + ".attributes." + name)
                .flatMap(a -> a.problemWith(value))
                .ifPresent(problem -> problems.add(new FieldProblem(path + "." + name, problem))));
    }
}
