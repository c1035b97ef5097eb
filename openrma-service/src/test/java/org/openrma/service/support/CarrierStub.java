package org.openrma.service.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The carrier API of the integration tests: one WireMock server for the whole test JVM, which the
 * service reaches as its EasyPost base URL. Tests stub it per merchant by the API key each merchant
 * configures (the Authorization header), so tests never answer each other's calls.
 */
public final class CarrierStub {

    private static WireMockServer server;

    private CarrierStub() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    /** The Authorization header the service sends for an EasyPost API key. */
    public static String basicAuth(String apiKey) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((apiKey + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A documented EasyPost response from {@code src/test/resources/easypost/}. */
    public static String fixture(String name) {
        try (java.io.InputStream in = CarrierStub.class.getResourceAsStream("/easypost/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The shipment id of the documented responses. */
    public static final String SHIPMENT = "shp_5948db965e944950b6acc052af7f79a1";

    /** For the merchant whose EasyPost key is {@code apiKey}: rates, then a bought USPS label (tracking 9405500105440232839154, 7.47 USD). */
    public static void labelBought(String apiKey) {
        var auth = com.github.tomakehurst.wiremock.client.WireMock.equalTo(basicAuth(apiKey));
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v2/shipments").withHeader("Authorization", auth)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(fixture("shipment-created.json"))));
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v2/shipments/" + SHIPMENT + "/buy").withHeader("Authorization", auth)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(fixture("shipment-bought.json"))));
    }

    /** As {@link #labelBought}, with the purchase answered only after {@code millis}: a carrier slow enough for a second click. */
    public static void labelBoughtSlowly(String apiKey, int millis) {
        labelBought(apiKey);
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v2/shipments/" + SHIPMENT + "/buy")
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(basicAuth(apiKey)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withFixedDelay(millis)
                        .withHeader("Content-Type", "application/json").withBody(fixture("shipment-bought.json"))));
    }

    /** For the merchant whose EasyPost key is {@code apiKey}: the documented address-verification error (422). */
    public static void addressRefused(String apiKey) {
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v2/shipments")
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(basicAuth(apiKey)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(422)
                        .withHeader("Content-Type", "application/json").withBody(fixture("error-address.json"))));
    }
}
