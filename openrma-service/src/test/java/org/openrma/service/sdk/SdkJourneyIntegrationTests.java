package org.openrma.service.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;
import org.openapitools.client.api.AuditApi;
import org.openapitools.client.api.DeliveriesApi;
import org.openapitools.client.api.WebhookEndpointsApi;
import org.openapitools.client.model.AuditEvent;
import org.openapitools.client.model.DeliveryDetail;
import org.openapitools.client.model.Message;
import org.openapitools.client.model.NewWebhookEndpoint;
import org.openapitools.client.model.PageRmaView;
import org.openapitools.client.model.RmaAuditState;
import org.openapitools.client.model.RmaEvent;
import org.openapitools.client.model.WebhookDelivery;
import org.openapitools.client.model.WebhookEndpointView;
import org.openapitools.client.model.WebhookEvent;
import org.openapitools.client.api.OrdersApi;
import org.openapitools.client.api.RmasApi;
import org.openapitools.client.api.UnitsApi;
import org.openapitools.client.model.Channel;
import org.openapitools.client.model.ClaimKind;
import org.openapitools.client.model.ClaimLine;
import org.openapitools.client.model.ClaimRequest;
import org.openapitools.client.model.CloseRequest;
import org.openapitools.client.model.DeliveryStatus;
import org.openapitools.client.model.FieldError;
import org.openapitools.client.model.FileClaim;
import org.openapitools.client.model.Finding;
import org.openapitools.client.model.InspectRequest;
import org.openapitools.client.model.OrderCustomer;
import org.openapitools.client.model.OrderDocument;
import org.openapitools.client.model.OrderLedger;
import org.openapitools.client.model.OrderLine;
import org.openapitools.client.model.OrderShipping;
import org.openapitools.client.model.Outcome;
import org.openapitools.client.model.Payer;
import org.openapitools.client.model.Problem;
import org.openapitools.client.model.ReceiveRequest;
import org.openapitools.client.model.Resolution;
import org.openapitools.client.model.ResolutionCarriedOut;
import org.openapitools.client.model.ResolveRequest;
import org.openapitools.client.model.RmaAction;
import org.openapitools.client.model.RmaStatus;
import org.openapitools.client.model.RmaView;
import org.openapitools.client.model.ShipBackRequest;
import org.openapitools.client.model.ShippingMethod;
import org.openapitools.client.model.Unit;
import org.openrma.service.support.IntegrationTest;

/**
 * The README's two journeys, an idempotent replay, a stale If-Match, an illegal transition and a
 * 422, driven only through the Java client openapi-generator made from openapi.json with its
 * default options (openrma-sdk-java): if the document and the server disagree, the client throws
 * here. Errors are read as the client's typed {@link Problem}.
 */
class SdkJourneyIntegrationTests extends IntegrationTest {

    private TestMerchant merchant;
    private ApiClient client;
    private RmasApi rmas;
    private OrdersApi orders;

    @BeforeEach
    void client() {
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
    }

    /** A client of the merchant's agent key. */
    private void as(TestMerchant m) {
        merchant = m;
        String key = m.agent();
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        // The native library has no auth helpers: the key goes on every request through its interceptor.
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        rmas = new RmasApi(client);
        orders = new OrdersApi(client);
    }

    private Problem problem(ApiException e) throws Exception {
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private static String ifMatch(RmaView rma) {
        return "\"" + rma.getVersion() + "\"";
    }

    private static FileClaim kingdoReturn(String orderNumber) {
        return new FileClaim()
                .order(new OrderDocument().number(orderNumber).channel(Channel.OFFICIAL_STORE)
                        .placedAt(OffsetDateTime.parse("2025-08-20T10:00:00Z")).shippedAt(OffsetDateTime.parse("2025-08-21T10:00:00Z"))
                        .deliveredAt(OffsetDateTime.parse("2025-08-25T12:00:00Z")).deliveryStatus(DeliveryStatus.DELIVERED).currency("USD")
                        .shipping(new OrderShipping().method(ShippingMethod.ECONOMY).amount("0.00"))
                        .customer(new OrderCustomer().id("C-7001").email("ana@example.com"))
                        .lines(List.of(new OrderLine().sku("KGD-IPL-X1").category("ipl_device").unitPrice("189.00").quantity(1))))
                .request(new ClaimRequest().kind(ClaimKind.RETURN).reason("changed_mind")
                        .lines(List.of(new ClaimLine().sku("KGD-IPL-X1").quantity(1).condition("unopened"))));
    }

    @Test
    void aReturnGoesFromRequestToRefundThroughTheGeneratedClient() throws Exception {
        as(newMerchant("kingdo"));
        String key = UUID.randomUUID().toString();

        ApiResponse<RmaView> created = rmas.createRmaWithHttpInfo(kingdoReturn("SDK-R1"), key);
        assertThat(created.getStatusCode()).isEqualTo(201);
        RmaView rma = created.getData();
        assertThat(created.getHeaders().get("location")).containsExactly("/api/v1/rmas/" + rma.getId());
        assertThat(created.getHeaders().get("etag")).containsExactly("\"0\"");
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.AUTHORIZED);
        assertThat(rma.getOutcome()).isEqualTo(Outcome.APPROVED);
        assertThat(rma.getDecision().getRefund()).isEqualTo("189.00");
        assertThat(rma.getDecision().getResolutions()).containsExactly(Resolution.REFUND);
        assertThat(rma.getReturnLabelPaidBy()).isEqualTo(Payer.CUSTOMER);
        assertThat(rma.getShipBackBy()).hasToString("2025-11-07");
        assertThat(rma.getAllowedActions()).contains(RmaAction.SHIP_BACK, RmaAction.CANCEL);
        assertThat(rma.getClaim().getOrder().getNumber()).isEqualTo("SDK-R1");

        // The same Idempotency-Key replays the first answer instead of filing a second RMA.
        ApiResponse<RmaView> replayed = rmas.createRmaWithHttpInfo(kingdoReturn("SDK-R1"), key);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(replayed.getData().getId()).isEqualTo(rma.getId());
        assertThat(rmas.listRmas(null, null, null, null, null, "SDK-R1", null, null, null, 0, 20, null, null, null).getTotal()).isEqualTo(1);

        rma = rmas.shipBackRma(rma.getId(), ifMatch(rma), null, new ShipBackRequest().carrier("DHL").tracking("JD0146"));
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.IN_TRANSIT);

        // A stale If-Match: 412, as a typed problem.
        UUID id = rma.getId();
        assertThatThrownBy(() -> rmas.receiveRma(id, "\"0\"", null, new ReceiveRequest()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(412);
                    try {
                        Problem p = problem(e);
                        assertThat(p.getStatus()).isEqualTo(412);
                        assertThat(p.getType()).hasToString("urn:openrma:problem:stale-version");
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                });

        rma = rmas.receiveRma(rma.getId(), ifMatch(rma), null, new ReceiveRequest());
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.RECEIVED);
        rma = rmas.inspectRma(rma.getId(), ifMatch(rma), null, new InspectRequest().finding(Finding.NO_FAULT_FOUND));
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.INSPECTED);
        assertThat(rma.getDecision().getOutcome()).isEqualTo(Outcome.APPROVED);
        rma = rmas.resolveRma(rma.getId(), ifMatch(rma), null, new ResolveRequest().resolution(Resolution.REFUND));
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.RESOLVED);
        assertThat(rma.getResolution()).isEqualTo(ResolutionCarriedOut.REFUND);

        OrderLedger ledger = orders.getOrderLedger("SDK-R1");
        assertThat(ledger.getRefunded()).isEqualTo("189.00");
        assertThat(ledger.getRefundable()).isEqualTo("0.00");

        rma = rmas.closeRma(rma.getId(), ifMatch(rma), null, new CloseRequest());
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.CLOSED);

        // An illegal transition: 409, naming what is allowed.
        RmaView closed = rma;
        assertThatThrownBy(() -> rmas.receiveRma(closed.getId(), ifMatch(closed), null, new ReceiveRequest()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    try {
                        Problem p = problem(e);
                        assertThat(p.getType()).hasToString("urn:openrma:problem:illegal-transition");
                        assertThat(p.getDetail()).contains("cannot receive an RMA that is closed");
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                });
        assertThat(rmas.listRmaDecisions(closed.getId())).extracting(d -> d.getTrigger()).first().isEqualTo("submitted");
    }

    @Test
    void aWarrantyClaimGoesFromRequestToRepairedAndShippedBackThroughTheGeneratedClient() throws Exception {
        as(newMerchant("kospet"));
        clock.set(Instant.parse("2025-11-01T10:00:00Z"));
        FileClaim claim = new FileClaim()
                .order(new OrderDocument().number("SDK-W1").channel(Channel.OFFICIAL_STORE)
                        .placedAt(OffsetDateTime.parse("2025-02-24T10:00:00Z")).shippedAt(OffsetDateTime.parse("2025-02-25T10:00:00Z"))
                        .deliveredAt(OffsetDateTime.parse("2025-03-01T12:00:00Z")).currency("USD")
                        .shipping(new OrderShipping().method(ShippingMethod.FLAT_RATE).amount("0.00"))
                        .customer(new OrderCustomer().id("C-DEMO-2").email("demo.customer@example.com"))
                        .lines(List.of(new OrderLine().sku("KSP-TANK-T2").category("smartwatch").unitPrice("129.99").quantity(1).serial("SN-SDK-W1"))))
                .request(new ClaimRequest().kind(ClaimKind.WARRANTY).reason("defective").evidence(List.of("photo", "video", "proof_of_purchase"))
                        .lines(List.of(new ClaimLine().sku("KSP-TANK-T2").quantity(1).condition("used"))));

        RmaView rma = rmas.createRma(claim, null);
        assertThat(rma.getStatus()).as(String.valueOf(rma.getDecision())).isEqualTo(RmaStatus.AUTHORIZED);
        assertThat(rma.getDecision().getResolutions()).containsExactly(Resolution.REPAIR);
        assertThat(rma.getReturnLabelPaidBy()).isEqualTo(Payer.MERCHANT);

        rma = rmas.shipBackRma(rma.getId(), ifMatch(rma), null, new ShipBackRequest().carrier("DHL").tracking("JD0200"));
        rma = rmas.receiveRma(rma.getId(), ifMatch(rma), null, new ReceiveRequest());
        rma = rmas.inspectRma(rma.getId(), ifMatch(rma), null, new InspectRequest().finding(Finding.DEFECT_CONFIRMED).notes("display driver"));
        assertThat(rma.getDecision().getResolutions()).contains(Resolution.REPAIR);
        rma = rmas.resolveRma(rma.getId(), ifMatch(rma), null,
                new ResolveRequest().resolution(Resolution.REPAIR).outboundCarrier("DHL").outboundTracking("JD0201").note("display replaced"));
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.RESOLVED);
        assertThat(rma.getResolution()).isEqualTo(ResolutionCarriedOut.REPAIR);
        assertThat(rma.getOutboundTracking()).contains("JD0201");
        rma = rmas.closeRma(rma.getId(), ifMatch(rma), null, new CloseRequest());
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.CLOSED);

        Unit unit = new UnitsApi(client).getUnit("SN-SDK-W1");
        assertThat(unit.getWarrantyVoid()).isFalse();
        assertThat(unit.getHistory()).extracting(e -> e.getEvent()).contains("claimed", "repaired");
    }

    @Test
    void invalidInputIsA422WhoseProblemNamesEveryBadField() throws Exception {
        as(newMerchant("kingdo"));
        FileClaim claim = kingdoReturn("SDK-V1");
        claim.getRequest().reason(null).lines(List.of(new ClaimLine().sku("KGD-IPL-X1").quantity(0)));
        claim.getOrder().currency("EURO");

        assertThatThrownBy(() -> rmas.createRma(claim, null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            try {
                Problem p = problem(e);
                assertThat(p.getType()).hasToString("urn:openrma:problem:invalid-request");
                assertThat(p.getErrors()).extracting(FieldError::getField)
                        .contains("request.reason", "request.lines[0].quantity", "order.currency");
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });
        assertThatThrownBy(() -> orders.getOrder("SDK-V1")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void aCursorWalkThroughTheGeneratedClientVisitsEveryRmaOnceWithItsDecision() throws Exception {
        as(newMerchant("kingdo"));
        for (int i = 0; i < 5; i++) {
            rmas.createRma(kingdoReturn("SDK-C" + i), null);
        }
        List<UUID> pageOrder = rmas.listRmas(null, null, null, null, null, null, null, null, null, 0, 100, null, null, null)
                .getItems().stream().map(RmaView::getId).toList();

        List<UUID> walked = new java.util.ArrayList<>();
        UUID after = null;
        int slices = 0;
        PageRmaView slice;
        do {
            slice = rmas.listRmas(null, null, null, null, null, null, null, null, null, null, null, after, 2, List.of("decision"));
            slices++;
            assertThat(slice.getItems()).as("cursor mode answers data, not items").isNullOrEmpty();
            assertThat(slice.getTotal()).isNull();
            for (RmaView item : slice.getData()) {
                assertThat(item.getDecision().getOutcome()).isEqualTo(Outcome.APPROVED);
                walked.add(item.getId());
            }
            after = walked.getLast();
        } while (slice.getHasMore());
        assertThat(walked).hasSize(5).containsExactlyElementsOf(pageOrder);
        assertThat(slices).isEqualTo(3);

        // Another merchant's RMA is no cursor: a typed 422 naming starting_after.
        UUID foreign = after;
        as(newMerchant("kingdo"));
        assertThatThrownBy(() -> rmas.listRmas(null, null, null, null, null, null, null, null, null, null, null, foreign, 2, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    try {
                        assertThat(problem(e).getErrors()).extracting(FieldError::getField).containsExactly("starting_after");
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                });
    }

    @Test
    void webhookEndpointsDeliveriesAndAuditEventsReadAsTypedObjectsThroughTheGeneratedClient() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        as(m);
        ApiClient admin = new ApiClient();
        admin.updateBaseUri("http://127.0.0.1:" + port);
        admin.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + m.admin()));
        WebhookEndpointsApi endpoints = new WebhookEndpointsApi(admin);

        WebhookEndpointView endpoint = endpoints.createWebhookEndpoint(new NewWebhookEndpoint().url("http://127.0.0.1:9/sdk-hook")
                .enabledEvents(List.of("rma.created")), null);
        assertThat(endpoint.getSecret()).startsWith("whsec_");
        DeliveryDetail test = endpoints.sendWebhookEndpointTestEvent(endpoint.getId(), null);
        WebhookDelivery delivery = test.getMessage().getWebhookDelivery();
        assertThat(delivery.getWebhookEndpointId()).isEqualTo(endpoint.getId());
        assertThat(delivery.getPayload().getWebhookTestEvent().getData().getWebhookEndpointId()).isEqualTo(endpoint.getId());

        rmas.createRma(kingdoReturn("SDK-T1"), null);
        List<Message> deliveries = new DeliveriesApi(admin).listDeliveries(null, null, null, null, null, null).getItems();
        RmaEvent created = deliveries.stream().map(Message::getWebhookDelivery).map(WebhookDelivery::getPayload)
                .filter(p -> p.getActualInstance() instanceof RmaEvent).map(WebhookEvent::getRmaEvent).findFirst().orElseThrow();
        assertThat(created.getData().getOrderNumber()).isEqualTo("SDK-T1");

        List<AuditEvent> audit = new AuditApi(admin).listAuditEvents("rma", null, null, null, null, null).getItems();
        RmaAuditState submitted = audit.getFirst().getRmaAuditEvent().getAfter();
        assertThat(submitted.getStatus()).isEqualTo(RmaStatus.AUTHORIZED);
    }
}
