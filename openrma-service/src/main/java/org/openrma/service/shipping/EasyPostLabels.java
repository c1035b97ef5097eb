package org.openrma.service.shipping;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.service.web.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EasyPost's REST API (https://docs.easypost.com): {@code POST /v2/shipments} with the two
 * addresses and the parcel returns the carriers' rates; {@code POST /v2/shipments/{id}/buy} with
 * the chosen rate buys the label and returns its tracking code and {@code postage_label.label_url}.
 * HTTP basic authentication with the API key as user name. The cheapest rate is bought: a return
 * is not urgent, and the merchant (or customer) pays for it. An error answer
 * ({@code {"error": {"code", "message", "errors": [{"field", "message"}]}}}) becomes {@link CarrierRefused}.
 */
final class EasyPostLabels implements ReturnLabels {

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    EasyPostLabels(URI base, String apiKey, HttpClient http, Duration timeout) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return Carrier.EASYPOST.wire();
    }

    @Override
    public Label purchase(Shipment shipment) {
        ObjectNode body = Json.object();
        ObjectNode s = body.putObject("shipment");
        s.set("to_address", address(shipment.to()));
        s.set("from_address", address(shipment.from()));
        ObjectNode parcel = s.putObject("parcel");
        parcel.put("length", shipment.parcel().length()).put("width", shipment.parcel().width())
                .put("height", shipment.parcel().height()).put("weight", shipment.parcel().weightOunces());
        s.put("is_return", true);
        s.put("reference", shipment.reference());
        s.putObject("options").put("label_format", "PDF");
        JsonNode created = post("/v2/shipments", body);
        String id = created.path("id").asString("");
        JsonNode cheapest = null;
        for (JsonNode rate : created.path("rates").values()) {
            BigDecimal price = amount(rate.path("rate"));
            if (price != null && (cheapest == null || price.compareTo(amount(cheapest.path("rate"))) < 0)) {
                cheapest = rate;
            }
        }
        if (id.isEmpty() || cheapest == null) {
            throw new CarrierRefused("EasyPost offered no rate for this parcel" + messages(created));
        }
        ObjectNode buy = Json.object();
        buy.putObject("rate").put("id", cheapest.path("id").asString());
        JsonNode bought = post("/v2/shipments/" + id + "/buy", buy);
        JsonNode rate = bought.path("selected_rate").isObject() ? bought.path("selected_rate") : cheapest;
        String tracking = bought.path("tracking_code").asString(null);
        JsonNode label = bought.path("postage_label");
        String url = label.path("label_pdf_url").asString(null);
        if (url == null) {
            url = label.path("label_url").asString(null);
        }
        if (tracking == null || url == null) {
            throw new CarrierRefused("EasyPost bought shipment " + id + " but returned no tracking code or label");
        }
        return new Label(rate.path("carrier").asString(null), rate.path("service").asString(null), tracking, money(rate), url, null, id);
    }

    private static ObjectNode address(PostalAddress a) {
        ObjectNode o = Json.object();
        o.put("name", a.name());
        if (a.company() != null) {
            o.put("company", a.company());
        }
        o.put("street1", a.street1());
        if (a.street2() != null) {
            o.put("street2", a.street2());
        }
        o.put("city", a.city());
        if (a.state() != null) {
            o.put("state", a.state());
        }
        o.put("zip", a.zip()).put("country", a.country());
        if (a.phone() != null) {
            o.put("phone", a.phone());
        }
        if (a.email() != null) {
            o.put("email", a.email());
        }
        return o;
    }

    private JsonNode post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CarrierRefused("EasyPost could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierRefused("interrupted while waiting for EasyPost", e);
        }
        JsonNode json;
        try {
            json = Json.read(response.body());
        } catch (RuntimeException e) {
            json = null;
        }
        if (response.statusCode() / 100 != 2 || json == null || json.has("error")) {
            JsonNode error = json == null ? null : json.path("error");
            String message = error == null || error.isMissingNode() ? "HTTP " + response.statusCode()
                    : error.path("message").asString("HTTP " + response.statusCode());
            // "Unable to verify address (street1: Address not found; zip: Invalid zip code; ADDRESS.VERIFY.FAILURE)"
            java.util.List<String> details = new java.util.ArrayList<>();
            if (error != null) {
                for (JsonNode field : error.path("errors").values()) {
                    if (field.has("field")) {
                        details.add(field.path("field").asString() + ": " + field.path("message").asString(""));
                    }
                }
                if (error.has("code")) {
                    details.add(error.path("code").asString());
                }
            }
            String said = message.strip().replaceAll("[.]+$", "");
            throw new CarrierRefused("EasyPost refused the label: " + said + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")"));
        }
        return json;
    }

    private static String messages(JsonNode shipment) {
        StringBuilder out = new StringBuilder();
        for (JsonNode m : shipment.path("messages").values()) {
            out.append(out.isEmpty() ? ": " : "; ").append(m.path("carrier").asString("")).append(" ").append(m.path("message").asString(""));
        }
        return out.toString();
    }

    private static BigDecimal amount(JsonNode n) {
        try {
            return n.isMissingNode() || n.isNull() ? null : new BigDecimal(n.asString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Money money(JsonNode rate) {
        BigDecimal amount = amount(rate.path("rate"));
        String currency = rate.path("currency").asString(null);
        if (amount == null || currency == null) {
            return null;
        }
        try {
            CurrencyUnit unit = CurrencyUnit.of(currency);
            return Money.of(unit, amount.setScale(unit.getDecimalPlaces(), java.math.RoundingMode.UNNECESSARY));
        } catch (ArithmeticException | org.joda.money.IllegalCurrencyException e) {
            return null;   // a price we cannot state exactly is an unknown price: a label sold at its cost is then refused
        }
    }
}
