package org.openrma.service.ui.portal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrma.service.web.Json;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a customer tells the portal that consumer law needs and only they can know: the country they live in,
 * whether they bought as a private person, the day they first gave notice (of a withdrawal or a defect) if
 * before this request, and the remedy they ask for. Each may be left out; a rule that needs one then sends the
 * request to a person, it is never guessed. The shop's own record of the order (country, consumer) wins.
 *
 * @param country ISO 3166 alpha-2, or null
 * @param consumer true: a private person; false: a business; null: not said
 * @param noticeSentOn the day notice was sent, or null
 * @param chosenRemedy repair, replacement, refund or price_reduction, or null
 */
public record ConsumerStatement(String country, Boolean consumer, LocalDate noticeSentOn, String chosenRemedy) {

    public static final ConsumerStatement NONE = new ConsumerStatement(null, null, null, null);

    /** The remedies a consumer may ask for under the legal guarantee, with the words the portal shows. */
    public static final Map<String, String> REMEDIES = remedies();

    /** Reads {@code country}, {@code buyer} (consumer or business), {@code notice_sent_on} and {@code chosen_remedy}; problems go into {@code problems}. */
    static ConsumerStatement read(MultiValueMap<String, String> form, Map<String, String> problems) {
        String country = text(form, "country");
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                problems.put("country", "Choose the country you live in.");
                country = null;
            }
        }
        String buyer = text(form, "buyer");
        Boolean consumer = buyer == null ? null : switch (buyer) {
            case "consumer" -> Boolean.TRUE;
            case "business" -> Boolean.FALSE;
            default -> {
                problems.put("buyer", "Say whether you bought as a private person or for a business.");
                yield null;
            }
        };
        LocalDate notice = null;
        String noticeText = text(form, "notice_sent_on");
        if (noticeText != null) {
            try {
                notice = LocalDate.parse(noticeText);
            } catch (DateTimeParseException e) {
                problems.put("notice_sent_on", "Enter the day you told us as a date, such as 2025-03-21.");
            }
        }
        String remedy = text(form, "chosen_remedy");
        if (remedy != null && !REMEDIES.containsKey(remedy)) {
            problems.put("chosen_remedy", "Choose what you would like us to do.");
            remedy = null;
        }
        return new ConsumerStatement(country, consumer, notice, remedy);
    }

    /** The claim's {@code customer} statement ({@code country}, {@code is_consumer}), or null when the customer said neither. */
    public ObjectNode customer() {
        if (country == null && consumer == null) {
            return null;
        }
        ObjectNode c = Json.object();
        if (country != null) {
            c.put("country", country);
        }
        if (consumer != null) {
            c.put("is_consumer", consumer);
        }
        return c;
    }

    /**
     * Adds {@code notice_sent_at} and {@code chosen_remedy} to a claim's request. A day the customer names is taken
     * at 12:00 UTC: that instant falls on the same calendar day in every time zone from UTC-11 to UTC+11, so the
     * statutory window, counted in the consumer's local dates, sees the day the customer meant.
     */
    void addTo(ObjectNode request) {
        if (noticeSentOn != null) {
            request.put("notice_sent_at", noticeSentOn.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toString());
        }
        if (chosenRemedy != null) {
            request.put("chosen_remedy", chosenRemedy);
        }
    }

    /** {@code DE} → {@code Germany}: the country's name in English (the portal's language). */
    public static String countryName(String code) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(LocaleContextHolder.getLocale());
    }

    /** Countries as select options, by code, named in the page's language. */
    public static Map<String, String> countryOptions(List<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, countryName(c)));
        return out;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Map<String, String> remedies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("repair", "Repair it");
        m.put("replacement", "Replace it");
        m.put("refund", "My money back");
        m.put("price_reduction", "Keep it at a lower price");
        return java.util.Collections.unmodifiableMap(m);
    }
}
