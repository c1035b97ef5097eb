package org.openrma.service.order;

import java.net.URI;
import java.time.Instant;
import org.openrma.service.access.Caller;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Orders: imported by staff, readable by staff and by the customer holding a token for that order. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderManagement management;
    private final Orders orders;

    public OrderController(OrderManagement management, Orders orders) {
        this.management = management;
        this.orders = orders;
    }

    /** Body: the order in the claim format's order shape. */
    @PostMapping
    public ResponseEntity<StoredOrder> importOrder(Caller caller, @RequestBody JsonNode order) {
        StoredOrder stored = management.importOrder(caller, order, "");
        return ResponseEntity.created(URI.create("/api/orders/" + stored.number())).body(stored);
    }

    @GetMapping
    public Page<StoredOrder> list(Caller caller,
                                  @RequestParam(name = "customer_email", required = false) String customerEmail,
                                  @RequestParam(name = "customer_id", required = false) String customerId,
                                  @RequestParam(name = "placed_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant placedFrom,
                                  @RequestParam(name = "placed_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant placedTo,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        return orders.list(caller.merchantId(), caller.orderScope(), new Orders.Filter(customerEmail, customerId, placedFrom, placedTo), page, size);
    }

    @GetMapping("/{number}")
    public StoredOrder get(Caller caller, @PathVariable String number) {
        return orders.byNumber(caller.merchantId(), number)
                .filter(o -> caller.orderScope() == null || caller.orderScope().equals(o.id()))
                .orElseThrow(() -> ApiProblem.notFound("order", number));
    }
}
