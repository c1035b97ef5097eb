package org.openrma.service.ui.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A withdrawal as the consumer gives it on the model withdrawal form (Consumer Rights Directive Annex I(B), copied by
 * every national law that carries it): the goods withdrawn from, when they were ordered and received, the consumer's
 * name and address, the date, and the country the consumer lives in (whose law applies). {@link #text} is the notice in
 * the model form's words; it is stored with the request, so the acknowledgement shows exactly what was sent.
 *
 * @param lines the order lines withdrawn from (index into the order, SKU, units)
 * @param problems every field missing or wrong, in words for the page
 */
public record WithdrawalNotice(List<Draft.Line> lines, String name, String address, String country, Map<String, String> problems) {

    /** Reads {@code pick_i}/{@code qty_i} per order line, {@code name}, {@code address} and {@code country}. */
    static WithdrawalNotice read(MultiValueMap<String, String> form, OrderModel order) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Draft.Line> lines = new ArrayList<>();
        for (OrderModel.Line l : order.lines()) {
            if (text(form, "pick_" + l.index()) == null) {
                continue;
            }
            int qty;
            try {
                String q = text(form, "qty_" + l.index());
                qty = q == null ? l.claimable() : Integer.parseInt(q);
            } catch (NumberFormatException e) {
                qty = -1;
            }
            if (qty < 1 || qty > l.claimable()) {
                problems.put("qty_" + l.index(), "Enter a quantity from 1 to " + l.claimable() + " for " + l.sku() + ".");
            }
            lines.add(new Draft.Line(l.index(), l.sku(), Math.max(qty, 1), null));
        }
        if (lines.isEmpty()) {
            problems.put("lines", "Tick the goods you withdraw from.");
        }
        String name = text(form, "name");
        if (name == null) {
            problems.put("name", "Enter your name.");
        } else if (name.length() > 200) {
            problems.put("name", "Keep your name under 200 characters.");
        }
        String address = text(form, "address");
        if (address == null) {
            problems.put("address", "Enter your address.");
        } else if (address.length() > 1000) {
            problems.put("address", "Keep your address under 1000 characters.");
        }
        String country = text(form, "country");
        if (country != null && !country.matches("[A-Z]{2}")) {
            problems.put("country", "Choose the country you live in.");
            country = null;
        }
        return new WithdrawalNotice(lines, name, address, country, problems);
    }

    /** The problems in the page's language (the English sentences above stay for logs and for a field not known here). */
    List<String> problemsInWords(OrderModel order, org.openrma.service.ui.UiMessages text) {
        List<String> out = new ArrayList<>();
        problems.forEach((field, english) -> out.add(switch (field.replaceFirst("_\\d+$", "_")) {
            case "qty_" -> order.lines().stream().filter(l -> field.equals("qty_" + l.index())).findFirst()
                    .map(l -> text.get("portal.problem.quantity", l.claimable(), l.sku())).orElse(english);
            case "lines" -> text.get("portal.withdrawal.problem.lines");
            case "name" -> text.get(name == null ? "portal.withdrawal.problem.name" : "portal.withdrawal.problem.name-long");
            case "address" -> text.get(address == null ? "portal.withdrawal.problem.address" : "portal.withdrawal.problem.address-long");
            case "country" -> text.get("portal.problem.country");
            default -> english;
        }));
        return out;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean picked(int index) {
        return lines.stream().anyMatch(l -> l.index() == index);
    }

    /** The notice in the words of the model withdrawal form. */
    public String text(String merchantName, String orderedOn, String receivedOn, String date) {
        StringBuilder goods = new StringBuilder();
        lines.forEach(l -> goods.append("\n- ").append(l.sku()).append(" × ").append(l.quantity()));
        return "To " + merchantName + ":\n"
                + "I hereby give notice that I withdraw from my contract of sale of the following goods:" + goods + "\n"
                + "Ordered on " + orderedOn + (receivedOn == null ? " (not yet received)" : " / received on " + receivedOn) + "\n"
                + "Name of consumer: " + name + "\n"
                + "Address of consumer: " + address.replace("\r\n", "\n").replace("\n", ", ") + "\n"
                + "Date: " + date;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
