package org.openrma.service.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EasyPost's REST API, replayed by WireMock from the responses its documentation shows. */
class EasyPostLabelsTests {

    static final String SHIPMENT = org.openrma.service.support.CarrierStub.SHIPMENT;
    static final PostalAddress CUSTOMER = new PostalAddress("Dana Customer", null, "1 Elm St", null, "Austin", "TX", "73301", "US", null, null);

    private WireMockServer easyPost;
    private EasyPostLabels labels;

    @BeforeEach
    void start() {
        easyPost = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        easyPost.start();
        labels = new EasyPostLabels(URI.create(easyPost.baseUrl()), "EZTK_test_key", HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        easyPost.stop();
    }

    static String fixture(String name) {
        return org.openrma.service.support.CarrierStub.fixture(name);
    }

    /** Stubs the documented two calls: create a shipment (rates), then buy one rate. */
    static void stubSuccess(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("shipment-created.json"))));
        server.stubFor(post(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("shipment-bought.json"))));
    }

    private ReturnLabels.Shipment shipment() {
        return new ReturnLabels.Shipment("RMA-TEST", CUSTOMER, PackingSlipsTests.WAREHOUSE, ReturnLabels.Parcel.DEFAULT, List.of("KGD-IPL-X1"));
    }

    @Test
    void buysTheCheapestRateAndReturnsTheCarriersTrackingCostAndPdfLabel() {
        stubSuccess(easyPost);

        ReturnLabels.Label label = labels.purchase(shipment());

        assertThat(label.carrier()).isEqualTo("USPS");
        assertThat(label.service()).isEqualTo("GroundAdvantage");
        assertThat(label.tracking()).isEqualTo("9405500105440232839154");
        assertThat(label.cost()).isEqualTo(Money.parse("USD 7.47"));
        assertThat(label.labelUrl()).endsWith(".pdf");
        assertThat(label.shipmentRef()).isEqualTo(SHIPMENT);
        easyPost.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy"))
                .withRequestBody(equalToJson("{\"rate\": {\"id\": \"rate_22ca9cdf88be4b5da8e91b051e673534\"}}")));
    }

    @Test
    void sendsBothAddressesTheParcelAndTheRmaAsAReturnWithBasicAuthentication() {
        stubSuccess(easyPost);

        labels.purchase(shipment());

        easyPost.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
                .withHeader("Authorization", equalTo("Basic RVpUS190ZXN0X2tleTo="))   // base64("EZTK_test_key:")
                .withRequestBody(matchingJsonPath("$.shipment.from_address.street1", equalTo("1 Elm St")))
                .withRequestBody(matchingJsonPath("$.shipment.to_address.street1", equalTo("417 Montgomery Street")))
                .withRequestBody(matchingJsonPath("$.shipment.to_address.zip", equalTo("94104")))
                .withRequestBody(matchingJsonPath("$.shipment.parcel.weight", equalTo("32")))
                .withRequestBody(matchingJsonPath("$.shipment.is_return", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.shipment.reference", equalTo("RMA-TEST"))));
    }

    @Test
    void anErrorAnswerBecomesARefusalQuotingTheCarrierAndEveryFieldItNamed() {
        easyPost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-address.json"))));

        assertThatThrownBy(() -> labels.purchase(shipment()))
                .isInstanceOf(ReturnLabels.CarrierRefused.class)
                .hasMessageContaining("EasyPost refused the label: Unable to verify address (street1: Address not found; zip: Invalid zip code; ADDRESS.VERIFY.FAILURE)")
                .hasMessageContaining("street1: Address not found")
                .hasMessageContaining("zip: Invalid zip code")
                .hasMessageContaining("ADDRESS.VERIFY.FAILURE");
        easyPost.verify(0, postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")));
    }

    @Test
    void aFailedPurchaseAfterRatesIsARefusalToo() {
        easyPost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("shipment-created.json"))));
        easyPost.stubFor(post(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"PAYMENT_REQUIRED\", \"message\": \"Insufficient funds.\", \"errors\": []}}")));

        assertThatThrownBy(() -> labels.purchase(shipment())).isInstanceOf(ReturnLabels.CarrierRefused.class)
                .hasMessageContaining("EasyPost refused the label: Insufficient funds (PAYMENT_REQUIRED)");
    }

    @Test
    void anUnreachableCarrierIsARefusalNotACrash() {
        easyPost.stop();

        assertThatThrownBy(() -> labels.purchase(shipment())).isInstanceOf(ReturnLabels.CarrierRefused.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void aShipmentWithoutRatesIsRefusedBeforeAnythingIsBought() {
        easyPost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"shp_1\", \"object\": \"Shipment\", \"rates\": [], \"messages\": [{\"carrier\": \"USPS\", "
                        + "\"type\": \"rate_error\", \"message\": \"Unable to retrieve rates\"}]}")));

        assertThatThrownBy(() -> labels.purchase(shipment())).isInstanceOf(ReturnLabels.CarrierRefused.class)
                .hasMessageContaining("no rate").hasMessageContaining("Unable to retrieve rates");
    }
}
