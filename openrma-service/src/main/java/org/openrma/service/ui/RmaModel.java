package org.openrma.service.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaDocuments;
import org.openrma.service.rma.RmaStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.JsonNode;

/** An RMA as the portal and the console show it, with its latest decision and its timeline. */
public record RmaModel(
        String id,
        String number,
        String orderNumber,
        String status,
        String statusText,
        boolean open,
        int version,
        String customerEmail,
        String created,
        String kind,
        String reason,
        List<ClaimLine> lines,
        List<String> evidence,
        List<String> facts,
        String description,
        String finding,
        String shipBackBy,
        String evidenceDueBy,
        String slaDueBy,
        boolean slaBreached,
        String resolution,
        boolean consentGiven,
        String outboundTracking,
        String returnTracking,
        DecisionModel decision,
        List<Event> timeline) {

    public record ClaimLine(String sku, int quantity, String condition, ProductModel product) {}

    /**
     * One step of the timeline: {@code what}, {@code status} and {@code by} in English, with their codes for the page to
     * say in its language ({@code action}: {@code approve}, {@code ship-back}, ...; {@code statusCode}: the wire status;
     * {@code byRole}: {@code customer}, {@code system}, {@code merchant}, or null where staff see the actor itself).
     */
    public record Event(String at, String what, String status, String by, String note, String action, String statusCode, String byRole) {}

    public static RmaModel of(Rma r, RmaDocuments.Decision decision, List<AuditTrail.AuditEvent> events, boolean forCustomer, ZoneId zone) {
        ClaimDocument.Requested req = ClaimDocument.reading(r.claim()).requested();
        List<ClaimLine> lines = new ArrayList<>();
        req.lines().forEach(l -> lines.add(new ClaimLine(l.sku(), l.quantity(), DecisionModel.words(l.condition()),
                ProductModel.of(l.sku(), l.title(), l.variant(), l.imageUrl()))));
        List<String> evidence = new ArrayList<>();
        req.evidence().forEach(e -> evidence.add(DecisionModel.words(e)));
        List<String> facts = new ArrayList<>();
        req.facts().forEach(e -> facts.add(DecisionModel.words(e)));
        List<Event> timeline = new ArrayList<>();
        // times in the merchant's zone, in the language of the page being rendered (UiLanguages)
        UiFormats when = new UiFormats(LocaleContextHolder.getLocale());
        for (AuditTrail.AuditEvent e : events) {
            String action = e.action().startsWith("rma.") ? e.action().substring(4) : e.action();
            if (forCustomer && action.equals("assign")) {
                continue; // who works the RMA inside the merchant's team is not the customer's business
            }
            String byRole = e.actor().startsWith("customer:") ? (forCustomer ? "customer" : null)
                    : e.actor().startsWith("system:") ? "system" : forCustomer ? "merchant" : null;
            String by = byRole == null ? e.actor() : switch (byRole) {
                case "customer" -> "You";
                case "system" -> "Automatic";
                default -> "Merchant";
            };
            JsonNode after = e.after() == null ? null : e.after();
            String note = null;
            if (after != null) {
                for (String key : List.of("reason", "note", "notes", "finding", "tracking", "refund", "resolution", "deadline", "assignee")) {
                    if (after.hasNonNull(key) && !after.get(key).asString("").isBlank() && !(forCustomer && key.equals("notes"))) {
                        note = (note == null ? "" : note + "; ") + DecisionModel.words(key) + ": " + after.get(key).asString();
                    }
                }
                if (after.has("files")) {
                    note = after.get("files").size() + " file(s)";
                }
            }
            String status = after == null || !after.hasNonNull("status") ? null : after.get("status").asString();
            String code = action.equals("assign") && after != null && !after.hasNonNull("assignee") ? "unassign" : action;
            timeline.add(new Event(when.dateTime(e.at(), zone), code.equals("unassign") ? "Unassigned" : describe(action),
                    status == null ? null : statusText(status), by, note, code, status, byRole));
        }
        String currency = req.currency();
        return new RmaModel(r.id().toString(), r.number(), r.orderNumber(), r.status().wire(), statusText(r.status().wire()),
                r.status().isOpen(), r.version(), r.customerEmail(), when.dateTime(r.createdAt(), zone),
                DecisionModel.words(req.kind()), DecisionModel.words(req.reason()), lines, evidence,
                facts, req.description(), DecisionModel.words(req.finding()),
                date(r.shipBackBy()), date(r.evidenceDueBy()), date(r.slaDueBy()), r.slaBreached(), DecisionModel.words(r.resolution()),
                r.customerConsentAt() != null, r.outboundParcel(), r.returnTracking(), DecisionModel.of(decision, currency), timeline);
    }

    /** Days until the SLA date (negative when overdue), or null without one. */
    public static Long slaDaysLeft(Rma r, Instant now, ZoneId zone) {
        if (r.slaDueBy() == null || !r.status().isOpen()) {
            return null;
        }
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), r.slaDueBy());
    }

    public static String statusText(String status) {
        return switch (status) {
            case "needs_evidence" -> "Waiting for evidence";
            case "under_review" -> "Under review";
            case "authorized" -> "Authorized — ship it back";
            case "in_transit" -> "On its way back";
            case "received" -> "Received";
            case "inspected" -> "Inspected";
            case "resolved" -> "Resolved";
            case "rejected" -> "Rejected";
            case "cancelled" -> "Cancelled";
            case "expired" -> "Expired";
            case "closed" -> "Closed";
            default -> DecisionModel.words(status);
        };
    }

    /** Statuses by their wire names, for filters. */
    public static List<String> statuses() {
        return java.util.Arrays.stream(RmaStatus.values()).map(RmaStatus::wire).toList();
    }

    private static String describe(String action) {
        return switch (action) {
            case "submitted" -> "Request filed and decided";
            case "add-evidence" -> "Evidence added";
            case "evidence_uploaded" -> "Photos/videos uploaded";
            case "approve" -> "Approved by an agent";
            case "reject" -> "Rejected";
            case "override" -> "Authorized by the merchant's discretion";
            case "ship-back" -> "Shipped back";
            case "receive" -> "Received by the merchant";
            case "inspect" -> "Inspected";
            case "consent" -> "Substitute replacement accepted";
            case "resolve" -> "Resolved";
            case "cancel" -> "Cancelled";
            case "close" -> "Closed";
            case "expire" -> "Expired";
            case "sla_breached" -> "Processing deadline passed";
            case "assign" -> "Assigned";
            default -> DecisionModel.words(action);
        };
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
