package org.openrma.service.access;

import java.util.UUID;
import org.openrma.service.refusal.Refusal;

/**
 * Who is making a request. Every caller belongs to exactly one merchant, and every query the
 * service runs is scoped by {@link #merchantId()}; a customer is further limited to one order.
 */
public sealed interface Caller {

    UUID merchantId();

    /** How the audit trail names this caller. */
    String name();

    /** The scope idempotency keys live in: a retry only replays for the same caller. */
    String scope();

    /** A merchant's staff, acting through an API key. */
    record Staff(UUID merchantId, UUID keyId, String keyName, Role role) implements Caller {
        @Override
        public String name() {
            return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + keyName;
        }

        @Override
        public String scope() {
            return "merchant:" + merchantId;
        }

        public boolean isAdmin() {
            return role == Role.ADMIN;
        }
    }

    /** A customer holding a short-lived token for one order. */
    record Customer(UUID merchantId, UUID orderId, String email) implements Caller {
        @Override
        public String name() {
            return "customer:" + email;
        }

        @Override
        public String scope() {
            return "customer:" + merchantId + ":" + orderId;
        }
    }

    /** The service itself: deadline tasks and the outbox relay. */
    record Automation(UUID merchantId, String process) implements Caller {
        @Override
        public String name() {
            return "system:" + process;
        }

        @Override
        public String scope() {
            return "system:" + merchantId;
        }
    }

    enum Role { AGENT, ADMIN }

    default Staff requireStaff() {
        if (this instanceof Staff s) {
            return s;
        }
        throw new Refusal.Forbidden("this endpoint is for the merchant's staff; customers use their order's RMAs only");
    }

    default Staff requireAdmin() {
        Staff s = requireStaff();
        if (!s.isAdmin()) {
            throw new Refusal.Forbidden("this endpoint needs an admin API key; the key used has role agent");
        }
        return s;
    }

    /** The order a customer is limited to, or null for staff. */
    default UUID orderScope() {
        return this instanceof Customer c ? c.orderId() : null;
    }
}
