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
}
