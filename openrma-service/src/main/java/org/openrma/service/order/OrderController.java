package org.openrma.service.order;

import java.time.Instant;
import org.openrma.service.access.Caller;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Wire;
import jakarta.validation.Valid;
import org.openrma.service.web.Cursor;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.openrma.service.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Orders: imported by staff, readable by staff and by the customer holding a token for that order. */
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {

    private final OrderManagement management;
    private final Orders orders;
    private final RefundLedger ledger;

    public OrderController(OrderManagement management, Orders orders, RefundLedger ledger) {
        this.management = management;
        this.orders = orders;
        this.ledger = ledger;
    }

    /** Body: the order in the claim format's order shape. */
    @PostMapping
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "created; Location names it", useReturnTypeSchema = true)
    public ResponseEntity<OrderView> importOrder(Caller caller, @RequestBody @Valid OrderDocument order) {
        StoredOrder stored = management.importOrder(caller, Wire.tree(order), "");
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/orders/{number}").buildAndExpand(stored.number()).encode().toUri()).body(OrderView.of(stored));
    }

    @GetMapping
    public Page<OrderView> list(Caller caller,
                                  @RequestParam(name = "customer_email", required = false) String customerEmail,
                                  @RequestParam(name = "customer_id", required = false) String customerId,
                                  @RequestParam(name = "placed_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant placedFrom,
                                  @RequestParam(name = "placed_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant placedTo,
            @Parameter(description = "Page mode: the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page mode: items per page, 1 to 100 (default 20)") @RequestParam(required = false) Integer size,
            @Parameter(description = Cursor.STARTING_AFTER_DESCRIPTION + " Here the id is the order number.") @RequestParam(name = "starting_after", required = false) String startingAfter,
            @Parameter(description = Cursor.LIMIT_DESCRIPTION, schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit) {
        Orders.Filter filter = new Orders.Filter(customerEmail, customerId, placedFrom, placedTo);
        return Cursor.of(page, size, startingAfter, limit).map(c -> orders.list(caller.merchantId(), caller.orderScope(), filter, c))
                .orElseGet(() -> {
                    Page.check(page == null ? 0 : page, size == null ? 20 : size);
                    return orders.list(caller.merchantId(), caller.orderScope(), filter, page == null ? 0 : page, size == null ? 20 : size);
                }).map(OrderView::of);
    }

    @GetMapping("/{number}")
    public OrderView get(Caller caller, @PathVariable String number) {
        return OrderView.of(find(caller, number));
    }

    /** The order's refund ledger: what was paid, refunded, still refundable, with every entry and its deductions. */
    @GetMapping("/{number}/ledger")
    public RefundLedger.OrderLedger ledger(Caller caller, @PathVariable String number) {
        return ledger.forOrder(caller.merchantId(), find(caller, number));
    }

    /**
     * The shop reports a delivery event: shipped (in_transit), delivered, lost, refused or
     * returned_to_sender, with the dates. Claims filed afterwards are decided on the new status.
     */
    @PostMapping("/{number}/delivery")
    public ResponseEntity<OrderView> delivery(Caller caller, @PathVariable String number,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @RequestBody @Valid OrderDocument.DeliveryUpdate body) {
        Integer version = body.version();
        if (ifMatch != null) {
            try {
                version = Integer.parseInt(ifMatch.strip().replace("W/", "").replace("\"", ""));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("If-Match", "'" + ifMatch + "' is not an order version such as \"3\"");
            }
        }
        var update = new OrderManagement.DeliveryUpdate(body.deliveryStatus(), body.shippedAt(), body.deliveredAt(), blankToNull(body.carrier()),
                blankToNull(body.tracking()));
        StoredOrder saved = management.updateDelivery(caller, number, version, update);
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(OrderView.of(saved));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private StoredOrder find(Caller caller, String number) {
        return orders.byNumber(caller.merchantId(), number)
                .filter(o -> caller.orderScope() == null || caller.orderScope().equals(o.id()))
                .orElseThrow(() -> ApiProblem.notFound("order", number));
    }
}
