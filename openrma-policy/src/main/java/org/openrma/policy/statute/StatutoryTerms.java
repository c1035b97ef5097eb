package org.openrma.policy.statute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.source.Node;
import org.openrma.policy.source.YamlSource;

/**
 * What a policy file says about consumer law, read from its top-level keys: for a merchant, the
 * {@code markets} it sells to and the {@code statutory_info} it gave consumers; for a statutory pack,
 * its {@code statute} header (the country whose law it writes down, whether it is for consumers only,
 * the language of its explanations, the values still to be verified).
 */
public record StatutoryTerms(
        List<String> markets,
        Boolean withdrawalInfoGiven,
        Boolean returnCostInfoGiven,
        LocalDate infoGivenOn,
        String country,
        boolean consumersOnly,
        String language,
        String law,
        Map<String, String> unverified,
        Node.Location marketsAt) {

    public static final StatutoryTerms NONE = new StatutoryTerms(List.of(), null, null, null, null, true, null, null, Map.of(), null);

    public StatutoryTerms {
        markets = List.copyOf(markets);
        unverified = Map.copyOf(unverified);
    }

    /** True for a statutory pack (a file with a {@code statute} header). */
    public boolean isPack() {
        return country != null;
    }

    /** Reads the terms of a compiled policy from its source (the schema has already checked their shape). */
    public static StatutoryTerms of(CompiledPolicy policy) {
        return of(policy.fileName(), policy.sourceText());
    }

    public static StatutoryTerms of(String fileName, String text) {
        Optional<Node> root = YamlSource.parse(fileName, text).root();
        if (root.isEmpty() || !(root.get() instanceof Node.Mapping m)) {
            return NONE;
        }
        List<String> markets = new ArrayList<>();
        Node.Location marketsAt = null;
        if (m.entries().get("markets") instanceof Node.Sequence seq) {
            marketsAt = m.keys().get("markets");
            seq.items().forEach(n -> text(n).ifPresent(markets::add));
        }
        Boolean withdrawal = null;
        Boolean returnCost = null;
        LocalDate givenOn = null;
        if (m.entries().get("statutory_info") instanceof Node.Mapping info) {
            withdrawal = bool(info, "withdrawal_info_given");
            returnCost = bool(info, "return_cost_info_given");
            givenOn = info.get("info_given_on").flatMap(StatutoryTerms::text).map(LocalDate::parse).orElse(null);
        }
        String country = null;
        boolean consumersOnly = true;
        String language = null;
        String law = null;
        Map<String, String> unverified = new LinkedHashMap<>();
        if (m.entries().get("statute") instanceof Node.Mapping statute) {
            country = statute.get("country").flatMap(StatutoryTerms::text).orElse(null);
            Boolean only = bool(statute, "consumers_only");
            consumersOnly = only == null || only;
            language = statute.get("language").flatMap(StatutoryTerms::text).orElse(null);
            law = statute.get("law").flatMap(StatutoryTerms::text).orElse(null);
            if (statute.entries().get("unverified") instanceof Node.Mapping u) {
                u.entries().forEach((k, v) -> text(v).ifPresent(t -> unverified.put(k, t)));
            }
        }
        return new StatutoryTerms(markets, withdrawal, returnCost, givenOn, country, consumersOnly, language, law, unverified, marketsAt);
    }

    private static Optional<String> text(Node n) {
        return n instanceof Node.Scalar s && s.value() != null ? Optional.of(s.text()) : Optional.empty();
    }

    private static Boolean bool(Node.Mapping m, String key) {
        return m.get(key).filter(n -> n instanceof Node.Scalar s && s.value() instanceof Boolean).map(n -> (Boolean) ((Node.Scalar) n).value())
                .orElse(null);
    }
}
