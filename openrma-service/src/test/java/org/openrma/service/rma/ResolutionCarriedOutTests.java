package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.decision.Resolution;

class ResolutionCarriedOutTests {

    @Test
    void everyEngineResolutionAndAnAmendmentCanBeShownAsCarriedOut() {
        for (Resolution r : Resolution.values()) {
            assertThat(ResolutionCarriedOut.of(r.wire())).as(r.wire()).isNotNull().hasToString(r.name());
        }
        assertThat(ResolutionCarriedOut.of(Resolutions.AMENDMENT)).isEqualTo(ResolutionCarriedOut.AMENDMENT);
        assertThat(ResolutionCarriedOut.of("teleportation")).isNull();
    }
}
