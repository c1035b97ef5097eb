package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openrma.service.OpenRmaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The renderings an instance keeps are bounded by {@code openrma.reads.rendered-cache}, and counted as a cache's metrics. */
class RenderedDocumentsTests {

    private static final RmaDocuments.Claim CLAIM = new RmaDocuments.Claim(null, null);

    private static RenderedDocuments keeping(String size, SimpleMeterRegistry meters) {
        OpenRmaProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("openrma.reads.rendered-cache", size)))
                .bindOrCreate("openrma", OpenRmaProperties.class);
        return new RenderedDocuments(JsonMapper.builder().build(), properties, meters);
    }

    /** How often the stored claim is read when the same claim is shown three times. */
    private static int storedReads(RenderedDocuments rendered) {
        UUID id = UUID.randomUUID();
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            rendered.claim(id, 0, () -> {
                reads.incrementAndGet();
                return CLAIM;
            });
        }
        return reads.get();
    }

    @Test
    void aClaimShownAgainIsCopiedFromItsRendering() {
        assertThat(storedReads(keeping("1MB", new SimpleMeterRegistry()))).isEqualTo(1);
    }

    @Test
    void aCacheOfZeroKeepsNothing() {
        assertThat(storedReads(keeping("0", new SimpleMeterRegistry()))).isEqualTo(3);
    }

    @Test
    void aNegativeSizeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> keeping("-1MB", new SimpleMeterRegistry()))
                .rootCause().hasMessageContaining("openrma.reads.rendered-cache: must be 0 or more");
    }

    @Test
    void hitsAndMissesAreMetrics() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RenderedDocuments rendered = keeping("1MB", meters);
        storedReads(rendered);
        assertThat(meters.get("cache.gets").tag("cache", "openrma.rendered_documents").tag("result", "hit").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("cache.gets").tag("cache", "openrma.rendered_documents").tag("result", "miss").functionCounter().count()).isEqualTo(1);
        // the meters hold the cache weakly (a collected cache counts nothing): it must outlive the assertions, as the
        // service's one instance does
        java.lang.ref.Reference.reachabilityFence(rendered);
    }
}
