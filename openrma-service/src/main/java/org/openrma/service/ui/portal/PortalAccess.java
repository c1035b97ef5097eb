package org.openrma.service.ui.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.access.CustomerTokens;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.ui.UiErrors;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who is asking on a portal page: the merchant of the {@code /portal/<slug>} path (or its id), and the
 * customer whose token cookie is valid for that merchant's portal, with their order. Every portal
 * controller starts here.
 */
@Component
class PortalAccess {

    private final Merchants merchants;
    private final Orders orders;
    private final CustomerTokens tokens;

    PortalAccess(Merchants merchants, Orders orders, CustomerTokens tokens) {
        this.merchants = merchants;
        this.orders = orders;
        this.tokens = tokens;
    }

    Merchant merchant(String store) {
        Optional<Merchant> m = merchants.findBySlug(store);
        if (m.isEmpty()) {
            try {
                m = merchants.find(UUID.fromString(store));
            } catch (IllegalArgumentException ignored) {
                // not an id either
            }
        }
        return m.orElseThrow(() -> new UiErrors.NotFound("There is no shop '" + store + "' here. Check the link you were given."));
    }

    /** The customer signed in to this merchant's portal, or {@link PortalController.NoSession}. */
    Caller.Customer customer(Merchant m, HttpServletRequest request) {
        String token = token(request).orElseThrow(() -> new PortalController.NoSession(m, false));
        try {
            return tokens.verify(token).filter(c -> c.merchantId().equals(m.id())).orElseThrow(() -> new PortalController.NoSession(m, false));
        } catch (CustomerTokens.ExpiredToken e) {
            throw new PortalController.NoSession(m, true);
        }
    }

    StoredOrder order(Caller.Customer c) {
        return orders.byId(c.merchantId(), c.orderId()).orElseThrow(() -> new UiErrors.NotFound("Your order is no longer available."));
    }

    static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(PortalController.COOKIE) && !c.getValue().isBlank()) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static void clearCookie(HttpServletResponse response, Merchant m) {
        response.addHeader("Set-Cookie", ResponseCookie.from(PortalController.COOKIE, "").httpOnly(true).sameSite("Lax").path("/portal/" + m.slug())
                .maxAge(0).build().toString());
    }
}
