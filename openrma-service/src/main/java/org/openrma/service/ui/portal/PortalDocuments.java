package org.openrma.service.ui.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.openrma.service.access.Caller;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.rma.Rma;
import org.openrma.service.shipping.ReturnShipping;
import org.openrma.service.ui.UiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The PDFs of a customer's return, behind the same portal session as its page: the packing slip,
 * the print-your-own address label and a print-your-own label bought. Another order's RMA is a 404.
 */
@Controller
@RequestMapping("/portal/{store}/rmas/{id}")
public class PortalDocuments {

    private final PortalAccess access;
    private final PortalController portal;
    private final ReturnShipping shipping;

    public PortalDocuments(PortalAccess access, PortalController portal, ReturnShipping shipping) {
        this.access = access;
        this.portal = portal;
        this.shipping = shipping;
    }

    @GetMapping("/packing-slip.pdf")
    ResponseEntity<byte[]> packingSlip(@PathVariable String store, @PathVariable String id, HttpServletRequest request) {
        Merchant m = access.merchant(store);
        Caller.Customer c = access.customer(m, request);
        Rma rma = portal.rma(c, id);
        return pdf(() -> shipping.packingSlip(c, rma.id()), "packing-slip-" + rma.number() + ".pdf");
    }

    @GetMapping("/address-label.pdf")
    ResponseEntity<byte[]> addressLabel(@PathVariable String store, @PathVariable String id, HttpServletRequest request) {
        Merchant m = access.merchant(store);
        Caller.Customer c = access.customer(m, request);
        Rma rma = portal.rma(c, id);
        return pdf(() -> shipping.printYourOwnLabel(c, rma.id()), "address-label-" + rma.number() + ".pdf");
    }

    @GetMapping("/return-label.pdf")
    ResponseEntity<byte[]> boughtLabel(@PathVariable String store, @PathVariable String id, HttpServletRequest request) {
        Merchant m = access.merchant(store);
        Caller.Customer c = access.customer(m, request);
        Rma rma = portal.rma(c, id);
        return pdf(() -> shipping.storedLabelPdf(c, rma.id()).orElseThrow(() -> new UiErrors.NotFound("This return has no printed label.")),
                "return-label-" + rma.number() + ".pdf");
    }

    /** Without a session the documents are not shown: back to the order lookup, as the pages do. */
    @org.springframework.web.bind.annotation.ExceptionHandler(PortalController.NoSession.class)
    String noSession(PortalController.NoSession e) {
        return "redirect:/portal/" + e.merchant.slug();
    }

    private static ResponseEntity<byte[]> pdf(java.util.function.Supplier<byte[]> document, String fileName) {
        byte[] pdf;
        try {
            pdf = document.get();
        } catch (Refusal.Conflict e) {
            throw new UiErrors.NotFound("This document is there once your return is authorized.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(pdf);
    }
}
