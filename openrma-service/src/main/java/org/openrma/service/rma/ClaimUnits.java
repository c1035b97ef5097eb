package org.openrma.service.rma;

import java.util.Set;
import java.util.UUID;
import org.openrma.claim.Fact;
import org.openrma.decision.Resolution;
import org.openrma.service.unit.Units;
import org.springframework.stereotype.Component;

/** The serial-numbered units a claim is about: their history read into the claim, and what the RMA does to them. */
@Component
public class ClaimUnits {

    private final Units units;

    ClaimUnits(Units units) {
        this.units = units;
    }

    /** A replaced unit is claimed under its current serial; a voided one adds the fact warranty_voided. */
    public void applyHistory(UUID merchantId, ClaimDocument claim) {
        for (ClaimDocument.ClaimedSerial line : claim.claimedSerials()) {
            String serial = units.current(merchantId, line.serial());
            if (!serial.equals(line.serial())) {
                claim.serialNow(line, serial);
            }
            if (units.isVoid(merchantId, serial)) {
                claim.addWords("facts", Set.of(Fact.WARRANTY_VOIDED));
            }
        }
    }

    void claimed(UUID merchantId, ClaimDocument claim, UUID rmaId) {
        for (ClaimDocument.ClaimedSerial s : claim.claimedSerials()) {
            units.claimed(merchantId, s.serial(), s.sku(), rmaId);
        }
    }

    void inspected(UUID merchantId, ClaimDocument claim, UUID rmaId, RmaCommand.Inspect c) {
        Units.voidingReason(c.finding(), c.facts()).ifPresent(reason -> {
            for (ClaimDocument.ClaimedSerial s : claim.claimedSerials()) {
                units.voidWarranty(merchantId, s.serial(), s.sku(), rmaId, reason);
            }
        });
    }

    /** A repair or a replacement carried out, in each claimed unit's history. */
    void resolved(UUID merchantId, ClaimDocument claim, UUID rmaId, Resolution resolution, String replacementSerial) {
        for (ClaimDocument.ClaimedSerial line : claim.claimedSerials()) {
            switch (resolution) {
                case REPAIR, PAID_REPAIR -> units.repaired(merchantId, line.serial(), rmaId, resolution.wire());
                case REPLACEMENT, EXCHANGE -> {
                    if (replacementSerial != null) {
                        units.replaced(merchantId, line.serial(), line.sku(), replacementSerial, rmaId);
                    }
                }
                default -> { }
            }
        }
    }
}
