package org.openrma.service.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.Order;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Json;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Importing orders in the claim format's order shape. */
@Component
public class OrderManagement {

    private final Orders orders;
    private final AuditTrail audit;
    private final Clock clock;

    public OrderManagement(Orders orders, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks an order document with the engine's claim reader. {@code prefix} is how field paths
     * start in the caller's body: "" when the body is the order, "order." inside a claim.
     */
    public static Order parse(JsonNode document, String prefix) {
        ObjectNode claim = Json.object();
        claim.set("order", document);
        ObjectNode request = claim.putObject("request");
        request.put("kind", "return");
        request.put("submitted_at", "9999-12-31T00:00:00Z");
        request.put("reason", "changed_mind");
        try {
            return ClaimReader.fromTree(claim).order();
        } catch (InvalidClaimException e) {
            List<ApiProblem.FieldError> errors = e.problems().stream()
                    .filter(p -> p.field().startsWith("order") || p.field().startsWith("(document)"))
                    .map(p -> new ApiProblem.FieldError(rename(p.field(), prefix), p.message()))
                    .toList();
            throw ApiProblem.invalid(errors.isEmpty() ? List.of(new ApiProblem.FieldError("(body)", e.getMessage())) : errors);
        }
    }

    private static String rename(String field, String prefix) {
        if (field.equals("order")) {
            return prefix.isEmpty() ? "(body)" : "order";
        }
        return field.startsWith("order.") ? prefix + field.substring("order.".length()) : field;
    }

    @Transactional
    public StoredOrder importOrder(Caller caller, JsonNode document, String pathPrefix) {
        Caller.Staff staff = caller.requireStaff();
        if (document == null || !document.isObject()) {
            throw ApiProblem.invalid(pathPrefix.isEmpty() ? "(body)" : "order", "expected the order as a JSON object");
        }
        Order order = parse(document, pathPrefix);
        if (orders.byNumber(staff.merchantId(), order.number()).isPresent()) {
            throw ApiProblem.conflict("order-exists", "order '" + order.number() + "' was already imported");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        orders.insert(staff.merchantId(), id, order, document, now, staff.name());
        StoredOrder stored = orders.byId(staff.merchantId(), id).orElseThrow();
        audit.record(staff, "order.imported", "order", stored.number(), null, document);
        return stored;
    }
}
