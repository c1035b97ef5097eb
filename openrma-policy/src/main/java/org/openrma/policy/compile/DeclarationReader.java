package org.openrma.policy.compile;

import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Field;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.policy.source.Node;

/** What a policy declares before its rules: the attributes and vocabulary words claims may carry, and the merchant's calendar. */
final class DeclarationReader extends Reading {

    DeclarationReader(Sink sink) {
        super(sink);
    }

    Declarations declarations(Node attributesNode, Node vocabularyNode) {
        Map<String, Declarations.Attribute> attributes = new LinkedHashMap<>();
        if (attributesNode != null) {
            Node.Mapping am = mapping(attributesNode, "attributes");
            if (am != null) {
                am.entries().forEach((path, value) -> {
                    if (Field.attributeName(path).isEmpty()) {
                        error(am.keys().get(path), am, "attribute '" + path + "' must be named <scope>.attributes.<name>, with scope "
                                + String.join(", ", Declarations.SCOPES) + " (e.g. order.attributes.payment_method)");
                        return;
                    }
                    Node.Mapping d = mapping(value, "attribute " + path);
                    if (d == null) {
                        return;
                    }
                    known(d, "attribute " + path, "type", "values", "default", "note");
                    String typeWord = text(d, "type", true);
                    Declarations.Type type = null;
                    for (Declarations.Type t : Declarations.Type.values()) {
                        if (t.word().equals(typeWord)) {
                            type = t;
                        }
                    }
                    if (typeWord != null && type == null) {
                        error(d.entries().get("type"), "unknown attribute type '" + typeWord + "'; types are text, enum, number, integer, money, date, boolean");
                        return;
                    }
                    List<String> values = d.get("values").map(v -> strings(v, "values")).orElse(List.of());
                    if (type == Declarations.Type.ENUM && values.isEmpty()) {
                        error(d, "an enum attribute needs 'values': the words a claim may give");
                    }
                    if (type != Declarations.Type.ENUM && !values.isEmpty()) {
                        error(d.entries().get("values"), "only an enum attribute lists 'values'");
                    }
                    String dflt = text(d, "default", false);
                    if (type == null) {
                        return;
                    }
                    Declarations.Attribute a = new Declarations.Attribute(path, type, values, dflt);
                    if (dflt != null) {
                        a.problemWith(dflt).ifPresent(problem -> error(d.entries().get("default"), "default of " + path + ": " + problem));
                    }
                    attributes.put(path, a);
                });
            }
        }
        Map<Declarations.Vocabularies, Set<String>> words = new java.util.EnumMap<>(Declarations.Vocabularies.class);
        if (vocabularyNode != null) {
            Node.Mapping vm = mapping(vocabularyNode, "vocabulary");
            if (vm != null) {
                known(vm, "vocabulary", "reasons", "facts", "evidence", "conditions");
                for (Declarations.Vocabularies v : Declarations.Vocabularies.values()) {
                    vm.get(v.key).ifPresent(n -> {
                        Set<String> declared = new LinkedHashSet<>();
                        for (String w : strings(n, "vocabulary." + v.key)) {
                            if (!w.matches("[a-z][a-z0-9_]{0,63}")) {
                                error(n, "'" + w + "' is not a word: use lower-case letters, digits and underscores");
                            } else {
                                declared.add(w);
                            }
                        }
                        words.put(v, declared);
                    });
                }
            }
        }
        return new Declarations(attributes, words);
    }

    BusinessCalendar calendar(Node node) {
        if (node == null) {
            return BusinessCalendar.weekendsOnly(ZoneId.of("UTC"));
        }
        Node.Mapping m = mapping(node, "calendar");
        if (m == null) {
            return BusinessCalendar.weekendsOnly(ZoneId.of("UTC"));
        }
        known(m, "calendar", "time_zone", "holidays");
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = text(m, "time_zone", false);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                error(m.entries().get("time_zone"), "unknown time zone '" + zoneText + "'; use an IANA name such as Europe/Berlin or UTC");
            }
        }
        String holidays = text(m, "holidays", false);
        if (holidays == null || holidays.equals("none")) {
            return BusinessCalendar.weekendsOnly(zone);
        }
        if (!BusinessCalendar.knowsRegion(holidays)) {
            error(m.entries().get("holidays"), "unknown holiday region '" + holidays + "'; use a country code such as US or DE (jollyday), or none");
            return BusinessCalendar.weekendsOnly(zone);
        }
        return BusinessCalendar.withHolidays(zone, holidays);
    }
}
