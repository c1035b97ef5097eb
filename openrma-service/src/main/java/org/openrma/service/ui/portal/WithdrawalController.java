package org.openrma.service.ui.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openrma.claim.InvalidClaimException;
import org.openrma.service.access.Caller;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaLifecycle;
import org.openrma.service.rma.Rmas;
import org.openrma.service.ui.UiMessages;
import org.openrma.service.ui.UiErrors;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Json;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withdrawing from a purchase with the model withdrawal form, {@code /portal/<slug>/withdrawal}: the consumer
 * fills in the form (the goods, ordered on / received on, name, address, date), checks the notice on a separate
 * confirmation step, and the portal files it as a request (a return, or a cancellation before delivery, reason
 * changed_mind) decided like any other, under the consumer law of the country they live in where the merchant's
 * policy declares that market. The acknowledgement shows the notice as sent, with the date and time it was received,
 * on a page that prints.
 */
@Controller
@RequestMapping("/portal/{store}")
public class WithdrawalController {

    private final PortalAccess access;
    private final ClaimDrafts drafts;
    private final PortalFilings filings;
    private final Rmas rmas;
    private final Clock clock;
    private final UiMessages text;

    public WithdrawalController(PortalAccess access, ClaimDrafts drafts, PortalFilings filings, Rmas rmas, Clock clock, UiMessages text) {
        this.text = text;
        this.access = access;
        this.drafts = drafts;
        this.filings = filings;
        this.rmas = rmas;
        this.clock = clock;
    }

    @ExceptionHandler(PortalController.NoSession.class)
    String noSession(PortalController.NoSession e, HttpServletResponse response) {
        PortalAccess.clearCookie(response, e.merchant);
        return "redirect:/portal/" + e.merchant.slug();
    }

    @GetMapping("/withdrawal")
    String form(@PathVariable String store, HttpServletRequest request, Model model) {
        Merchant m = access.merchant(store);
        StoredOrder order = access.order(access.customer(m, request));
        page(model, m, order, new WithdrawalNotice(List.of(), "", "", null, java.util.Map.of()), false, List.of());
        return "portal/withdrawal";
    }

    /** The first step: the form is checked and shown back as the notice, with one button to confirm it. */
    @PostMapping("/withdrawal")
    String review(@PathVariable String store, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Merchant m = access.merchant(store);
        StoredOrder order = access.order(access.customer(m, request));
        WithdrawalNotice notice = WithdrawalNotice.read(form, drafts.orderModel(m, order));
        if (notice.hasProblems()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        page(model, m, order, notice, !notice.hasProblems(), notice.problemsInWords(drafts.orderModel(m, order), text));
        return "portal/withdrawal";
    }

    /** The second step: the confirmed notice is filed as a request on the order. */
    @PostMapping("/withdrawal/confirm")
    String confirm(@PathVariable String store, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Merchant m = access.merchant(store);
        Caller.Customer c = access.customer(m, request);
        StoredOrder order = access.order(c);
        OrderModel om = drafts.orderModel(m, order);
        WithdrawalNotice notice = WithdrawalNotice.read(form, om);
        List<String> errors = new ArrayList<>(notice.problemsInWords(om, text));
        if (errors.isEmpty()) {
            try {
                Rma rma = filings.file(c, request(m, order, om, notice), buyer(notice), null, List.of(), null);
                return "redirect:/portal/" + m.slug() + "/rmas/" + rma.id() + "/withdrawal";
            } catch (ApiProblem | Refusal refused) {
                ApiProblem e = ApiProblem.of(refused);
                errors.add(e.getMessage());
                e.errors().forEach(fe -> errors.add(fe.message()));
            } catch (InvalidClaimException e) {
                e.problems().forEach(p -> errors.add(p.message()));
            } catch (RmaLifecycle.IllegalTransition | RmaLifecycle.NotPermitted e) {
                errors.add(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        page(model, m, order, notice, false, errors);
        return "portal/withdrawal";
    }

    /** The acknowledgement: the notice as filed and when it was received, printable. */
    @GetMapping("/rmas/{id}/withdrawal")
    String acknowledgement(@PathVariable String store, @PathVariable String id, HttpServletRequest request, Model model) {
        Merchant m = access.merchant(store);
        Caller.Customer c = access.customer(m, request);
        Rma rma;
        try {
            rma = rmas.find(c.merchantId(), UUID.fromString(id), c.orderId())
                    .orElseThrow(() -> new UiErrors.NotFound("There is no such request on your order."));
        } catch (IllegalArgumentException e) {
            throw new UiErrors.NotFound("There is no such request on your order.");
        }
        model.addAttribute("merchant", m);
        model.addAttribute("rma", rma);
        ClaimDocument claim = ClaimDocument.reading(rma.claim());
        model.addAttribute("notice", java.util.Objects.requireNonNullElse(claim.requested().description(), ""));
        model.addAttribute("receivedAt", claim.submittedAtAsWritten());
        return "portal/withdrawal-sent";
    }

    private void page(Model model, Merchant m, StoredOrder order, WithdrawalNotice notice, boolean confirming, List<String> errors) {
        OrderModel om = drafts.orderModel(m, order);
        model.addAttribute("merchant", m);
        model.addAttribute("order", om);
        model.addAttribute("notice", notice);
        model.addAttribute("law", drafts.consumerLaw(m, order));
        model.addAttribute("confirming", confirming);
        model.addAttribute("today", today(m));
        model.addAttribute("noticeText", confirming ? notice.text(m.name(), om.placedAt(), om.deliveredAt(), today(m)) : null);
        model.addAttribute("errors", errors);
    }

    private String today(Merchant m) {
        return LocalDate.ofInstant(clock.instant(), m.timeZone()).toString();
    }

    /** A return of the goods withdrawn from, or a cancellation while nothing has been delivered; the notice is its description. */
    private ObjectNode request(Merchant m, StoredOrder order, OrderModel om, WithdrawalNotice notice) {
        ObjectNode request = Json.object();
        request.put("kind", om.deliveredAt() == null ? "cancellation" : "return");
        request.put("reason", "changed_mind");
        var lines = request.putArray("lines");
        notice.lines().forEach(l -> lines.addObject().put("sku", l.sku()).put("quantity", l.quantity()));
        request.put("description", notice.text(m.name(), om.placedAt(), om.deliveredAt(), today(m)));
        return request;
    }

    private static ObjectNode buyer(WithdrawalNotice notice) {
        return notice.country() == null ? null : Json.object().put("country", notice.country());
    }
}
