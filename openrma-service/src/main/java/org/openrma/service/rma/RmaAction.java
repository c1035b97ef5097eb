package org.openrma.service.rma;

import java.util.Locale;

/** What someone can do to an RMA; each has one endpoint, {@code POST /api/v1/rmas/{id}/<wire>} (SUBMIT is {@code POST /api/v1/rmas}). */
public enum RmaAction {
    SUBMIT,
    ADD_EVIDENCE,
    APPROVE,
    REJECT,
    OVERRIDE,
    SHIP_BACK,
    RECEIVE,
    INSPECT,
    CONSENT,
    RESOLVE,
    CANCEL,
    EXPIRE,
    CLOSE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
