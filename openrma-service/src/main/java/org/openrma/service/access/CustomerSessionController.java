package org.openrma.service.access;

import org.openrma.service.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.order.Orders;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer proves who they are with the order number and the e-mail on the order, and gets a
 * short-lived token for that order and its RMAs only. Wrong merchant, number or e-mail all give the
 * same 404, so the endpoint does not reveal which orders exist.
 */
@RestController
@RequestMapping("/api/v1/customer-sessions")
public class CustomerSessionController {

    private final Merchants merchants;
    private final Orders orders;
    private final CustomerTokens tokens;
    private final RateLimits rateLimits;

    public CustomerSessionController(Merchants merchants, Orders orders, CustomerTokens tokens, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.merchants = merchants;
        this.orders = orders;
        this.tokens = tokens;
    }

    @Input

    public record SignIn(@NotBlank @Schema(example = "my-shop") String merchant,
                         @NotBlank @Schema(example = "WEB-1001") String orderNumber,
                         @NotBlank @Schema(example = "demo.customer@example.com") String email) {}

    public record Session(String token, java.time.Instant expiresAt, String orderNumber) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Session open(@RequestBody @Valid SignIn body, HttpServletRequest request) {
        String merchant = body.merchant().strip();
        String number = body.orderNumber().strip();
        String email = body.email().strip();
        rateLimits.customerSignIn(merchant, number, request.getRemoteAddr());
        ApiProblem notFound = new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "no order with that number and e-mail at merchant '" + merchant + "'");
        var m = merchants.findBySlug(merchant).orElseThrow(() -> notFound);
        var order = orders.forCustomer(m.id(), number, email).orElseThrow(() -> notFound);
        CustomerTokens.Token token = tokens.issue(m.id(), order.id(), order.customerEmail());
        return new Session(token.token(), token.expiresAt(), order.number());
    }
}
