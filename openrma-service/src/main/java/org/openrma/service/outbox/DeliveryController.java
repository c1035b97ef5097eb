package org.openrma.service.outbox;

import java.util.List;
import org.openrma.service.access.Caller;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Cursor;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.openrma.service.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook and e-mail deliveries of the caller's merchant, with every attempt. */
@RestController
@RequestMapping("/api/v1/deliveries")
public class DeliveryController {

    private final Outbox outbox;

    public DeliveryController(Outbox outbox) {
        this.outbox = outbox;
    }

    public record DeliveryDetail(Outbox.Message message, List<Outbox.Attempt> attempts) {}

    @GetMapping
    public Page<Outbox.Message> list(Caller caller,
                                     @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Outbox.Channel.class))
                                     @RequestParam(required = false) String channel,
                                     @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"pending", "delivered", "dead"}))
                                     @RequestParam(required = false) String status,
            @Parameter(description = "Page mode: the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page mode: items per page, 1 to 100 (default 50)") @RequestParam(required = false) Integer size,
            @Parameter(description = Cursor.STARTING_AFTER_DESCRIPTION) @RequestParam(name = "starting_after", required = false) String startingAfter,
            @Parameter(description = Cursor.LIMIT_DESCRIPTION, schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit) {
        Caller.Staff staff = caller.requireStaff();
        Outbox.Channel ch = null;
        if (channel != null) {
            try {
                ch = Outbox.Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("channel", "unknown value '" + channel + "'; expected one of webhook, email");
            }
        }
        if (status != null && !List.of("pending", "delivered", "dead").contains(status)) {
            throw ApiProblem.invalid("status", "unknown value '" + status + "'; expected one of pending, delivered, dead");
        }
        Outbox.Channel chosen = ch;
        return Cursor.of(page, size, startingAfter, limit).map(c -> outbox.list(staff.merchantId(), chosen, status, c))
                .orElseGet(() -> {
                    Page.check(page == null ? 0 : page, size == null ? 50 : size);
                    return outbox.list(staff.merchantId(), chosen, status, page == null ? 0 : page, size == null ? 50 : size);
                });
    }

    @GetMapping("/{id}")
    public DeliveryDetail get(Caller caller, @PathVariable long id) {
        Outbox.Message m = outbox.find(caller.requireStaff().merchantId(), id).orElseThrow(() -> ApiProblem.notFound("delivery", id));
        return new DeliveryDetail(m, outbox.attempts(m.id()));
    }

    @PostMapping("/{id}/retry")
    public DeliveryDetail retry(Caller caller, @PathVariable long id) {
        Caller.Staff admin = caller.requireAdmin();
        Outbox.Message m = outbox.find(admin.merchantId(), id).orElseThrow(() -> ApiProblem.notFound("delivery", id));
        if (!outbox.retry(admin.merchantId(), id)) {
            throw ApiProblem.conflict("already-delivered", "delivery " + id + " was already delivered");
        }
        return new DeliveryDetail(outbox.find(admin.merchantId(), id).orElseThrow(), outbox.attempts(m.id()));
    }
}
