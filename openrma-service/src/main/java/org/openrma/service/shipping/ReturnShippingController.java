package org.openrma.service.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.Rmas;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Input;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An RMA's return shipping: its plan, the packing slip, the address label and the prepaid label. Staff and the order's customer. */
@RestController
@RequestMapping("/api/v1/rmas/{id}")
public class ReturnShippingController {

    private final ReturnShipping shipping;
    private final Rmas rmas;

    public ReturnShippingController(ReturnShipping shipping, Rmas rmas) {
        this.shipping = shipping;
        this.rmas = rmas;
    }

    /** A label as the API shows it; {@code cost} is what the carrier charged (null for a print-your-own label). */
    public record LabelView(@NotNull String carrier, String service, String tracking, String cost, String currency,
                            @Schema(description = "the carrier's label file, or this service's PDF of a print-your-own label") String labelUrl,
                            @NotNull @Schema(description = "merchant, or customer when the policy charges the label to the refund") String paidBy) {
        static LabelView of(ReturnLabelStore.StoredLabel l, UUID rmaId) {
            return new LabelView(l.carrier(), l.service(), l.tracking(), l.cost() == null ? null : l.cost().getAmount().toPlainString(),
                    l.cost() == null ? null : l.cost().getCurrencyUnit().getCode(),
                    l.labelUrl() != null ? l.labelUrl() : l.hasPdf() ? "/api/v1/rmas/" + rmaId + "/return-label/pdf" : null, l.paidBy());
        }
    }

    public record ReturnShippingView(@Schema(description = "where the parcel goes; null until the merchant sets a return address")
                                     PostalAddress returnAddress,
                                     @NotNull ReturnShipping.LabelOffer labelOffer,
                                     @Schema(description = "the label bought, if any") LabelView label,
                                     boolean carrierConfigured,
                                     @NotNull String packingSlipUrl,
                                     @NotNull String printYourOwnLabelUrl) {}

    @Input
    public record BuyLabel(@NotNull @Valid @Schema(description = "the sender: where the carrier picks the parcel up or the customer posts it")
                           PostalAddress from) {}

    @GetMapping("/return-shipping")
    public ReturnShippingView plan(Caller caller, @PathVariable UUID id) {
        Rma rma = find(caller, id);
        ReturnShipping.Plan plan = shipping.plan(rma);
        return new ReturnShippingView(plan.returnAddress() == null ? null : plan.returnAddress().address(), plan.offer(),
                plan.label() == null ? null : LabelView.of(plan.label(), rma.id()), plan.carrierConfigured(),
                "/api/v1/rmas/" + rma.id() + "/packing-slip", ReturnShipping.printYourOwnPath(rma));
    }

    @GetMapping(value = "/packing-slip", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> packingSlip(Caller caller, @PathVariable UUID id) {
        return pdf(shipping.packingSlip(caller, id), "packing-slip-" + find(caller, id).number() + ".pdf");
    }

    @GetMapping(value = "/print-your-own-label", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> printYourOwnLabel(Caller caller, @PathVariable UUID id) {
        return pdf(shipping.printYourOwnLabel(caller, id), "return-label-" + find(caller, id).number() + ".pdf");
    }

    @GetMapping(value = "/return-label/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> labelPdf(Caller caller, @PathVariable UUID id) {
        byte[] pdf = shipping.storedLabelPdf(caller, id).orElseThrow(() -> ApiProblem.notFound("print-your-own label of RMA", id));
        return pdf(pdf, "return-label-" + find(caller, id).number() + ".pdf");
    }

    @PostMapping("/return-label")
    public ResponseEntity<LabelView> buy(Caller caller, @PathVariable UUID id, @RequestBody @Valid BuyLabel body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LabelView.of(shipping.buyLabel(caller, id, body.from()), id));
    }

    private Rma find(Caller caller, UUID id) {
        return rmas.find(caller.merchantId(), id, caller.orderScope()).orElseThrow(() -> ApiProblem.notFound("RMA", id));
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(pdf);
    }
}
