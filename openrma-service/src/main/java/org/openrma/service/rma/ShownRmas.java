package org.openrma.service.rma;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A single RMA as a read shows it, its claim and latest decision rendered ({@link RenderedDocuments}).
 *
 * <p>The row is read without the documents: a rendering is named by what never changes, (RMA, version) for the claim and
 * (RMA, seq) for the decision, so the row's version and the latest decision's seq tell whether this instance has them.
 * Most reads do, and take one query that does not make PostgreSQL write out and send the documents as text (a claim and
 * its decision are about 5 KB) for nothing; a read that has not rendered a document fetches its text by that name. An RMA
 * that moves on to another version between its row and its claim is read again in one query that takes both from one
 * snapshot.
 */
@Component
class ShownRmas {

    /** An RMA with its claim and latest decision (null for none, or where the engine failed) as the read shows them. */
    record Shown(Rma rma, RenderedDocuments.ShownDecision decision, Rendered<RmaDocuments.Claim> claim, CustomerChoice choice) {}

    private final Rmas rmas;
    private final RenderedDocuments rendered;

    ShownRmas(Rmas rmas, RenderedDocuments rendered) {
        this.rmas = rmas;
        this.rendered = rendered;
    }

    /** The RMA of this merchant (and of {@code onlyOrder}, for a customer), or empty when there is none. */
    Optional<Shown> find(UUID merchantId, UUID id, UUID onlyOrder) {
        Optional<Rmas.ShownRow> found = rmas.shown(merchantId, id, onlyOrder);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Rmas.ShownRow row = found.get();
        Rma rma = row.rma();
        // the claim column is never null: no claim at the row's version means the RMA has moved on since
        Rendered<RmaDocuments.Claim> claim = rendered.claim(rma.id(), rma.version(),
                () -> rmas.claimText(merchantId, rma.id(), rma.version()).map(RmaDocuments::storedClaim).orElse(null));
        if (claim == null) {
            return asStored(merchantId, id, onlyOrder);
        }
        RenderedDocuments.ShownDecision decision = row.decisionSeq() == null ? null
                : rendered.decision(rma.id(), row.decisionSeq(),
                        () -> RmaDocuments.storedDecision(rmas.decisionText(merchantId, rma.id(), row.decisionSeq())));
        return Optional.of(new Shown(rma, decision, claim, row.choice()));
    }

    private Optional<Shown> asStored(UUID merchantId, UUID id, UUID onlyOrder) {
        return rmas.shownAsStored(merchantId, id, onlyOrder).map(stored -> {
            Rma rma = stored.shown().rma();
            Integer seq = stored.shown().decisionSeq();
            RenderedDocuments.ShownDecision decision = seq == null ? null
                    : rendered.decision(rma.id(), seq, () -> RmaDocuments.storedDecision(stored.decisionJson()));
            Rendered<RmaDocuments.Claim> claim = rendered.claim(rma.id(), rma.version(), () -> RmaDocuments.storedClaim(stored.claimJson()));
            return new Shown(rma, decision, claim, stored.shown().choice());
        });
    }
}
