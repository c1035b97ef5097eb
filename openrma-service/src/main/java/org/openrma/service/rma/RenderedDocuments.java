package org.openrma.service.rma;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.UUID;
import java.util.function.Supplier;
import org.openrma.service.OpenRmaProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored claim and decision of an RMA as the API writes them, rendered once per instance and then copied into
 * every response that shows them ({@link Rendered}), instead of parsing the stored JSON into typed documents and
 * writing those again on every read.
 *
 * <p>Why this needs no invalidation, with any number of instances: what is kept is named by something that never
 * changes its content. A decision row is never updated (an RMA decided again gets a new {@code seq}), and an RMA's
 * claim only changes together with its {@code version} ({@link Rmas#update}); so (RMA, seq) and (RMA, version) name
 * one document for good. What is kept is either read from committed rows or a filing's own rendering, kept once its
 * transaction has committed ({@link #keepFiled}): a rolled-back filing's RMA never existed, but a rolled-back second
 * decision's {@code seq} would be taken again by the next. A filing's rendering is the same text a read renders from
 * the stored rows, on this instance or any other: the decision's is {@code DecisionJson}'s, whose key order the typed
 * document follows, and the claim's is this instance's mapper's. The rendering is this instance's own mapper's (the
 * one Spring MVC writes responses with), so a restart with changed code renders afresh.
 *
 * <p>Bounded by the characters kept ({@code openrma.reads.rendered-cache}); when full, Caffeine evicts what it judges
 * least likely to be read again. Its hits, misses and evictions are metrics ({@code cache_gets_total{cache="openrma.rendered_documents"}}).
 */
@Component
public class RenderedDocuments {

    /** What an RMA view needs of its latest decision besides showing it: the payer of the return label and whether consent is needed. */
    public record ShownDecision(Rendered<RmaDocuments.Decision> body, String returnShippingPaidBy, boolean needsConsent) {

        /** A decision shown as its typed value (written by the response's mapper); null for none. */
        public static ShownDecision typed(RmaDocuments.Decision decision) {
            if (decision == null) {
                return null;
            }
            DecidedTerms terms = DecidedTerms.of(decision);
            return new ShownDecision(Rendered.typed(decision), terms.returnShippingPaidBy(), terms.needsConsent());
        }

        /**
         * A decision just made, written once, straight from the engine's record ({@code DecisionJson.compact}): the text is
         * stored (the decision row), copied into the answer that filed it and, once the filing commits, kept for the reads
         * ({@link #keepFiled}): it is the JSON the response's mapper writes for the typed document read back from the row.
         * Null for none.
         */
        public static ShownDecision written(org.openrma.decision.Decision decision) {
            if (decision == null) {
                return null;
            }
            return new ShownDecision(Rendered.written(org.openrma.decision.DecisionJson.compact(decision)),
                    decision.returnShippingPaidBy() == null ? null : decision.returnShippingPaidBy().wire(), decision.needsConsent());
        }
    }

    private record DecisionKey(UUID rmaId, int seq) {}

    private record ClaimKey(UUID rmaId, int version) {}

    private final JsonMapper mapper;
    /** Keyed by {@link DecisionKey} (a {@link ShownDecision}) and {@link ClaimKey} (a rendered claim), weighed by characters. */
    private final Cache<Object, Object> kept;
    /** False for a cache of size 0: nothing is kept (Caffeine would keep an entry until its next maintenance). */
    private final boolean keeping;

    RenderedDocuments(JsonMapper mapper, OpenRmaProperties properties, MeterRegistry meters) {
        this.mapper = mapper;
        long characters = properties.reads().renderedCache().toBytes();
        this.keeping = characters > 0;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(characters)
                .weigher((Object key, Object value) -> switch (value) {
                    case ShownDecision d -> d.body().json().length();
                    case Rendered<?> r -> r.json().length();
                    default -> throw new IllegalArgumentException("not a rendering: " + value);
                })
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, kept, "openrma.rendered_documents");
    }

    /** The decision {@code seq} of an RMA; {@code stored} (its stored JSON) is read only when this instance has not rendered it yet. */
    public ShownDecision decision(UUID rmaId, int seq, Supplier<RmaDocuments.Decision> stored) {
        DecisionKey key = new DecisionKey(rmaId, seq);
        ShownDecision shown = (ShownDecision) kept.getIfPresent(key);
        return shown != null ? shown : keepDecision(key, stored.get());
    }

    /** The claim of an RMA just filed, written by the response's mapper: the text a read of the RMA at its first version shows. */
    public Rendered<RmaDocuments.Claim> written(RmaDocuments.Claim claim) {
        return claim == null ? null : Rendered.written(mapper.writeValueAsString(claim));
    }

    /**
     * Keeps a filing's decision ({@code seq}) and claim ({@code version}) for the reads that follow, once the filing's
     * transaction commits; nothing when it rolls back, or outside a transaction (when it commits is not known there).
     */
    public void keepFiled(UUID rmaId, int seq, ShownDecision decision, int version, Rendered<RmaDocuments.Claim> claim) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (decision != null) {
                    keep(new DecisionKey(rmaId, seq), decision);
                }
                if (claim != null) {
                    keep(new ClaimKey(rmaId, version), claim);
                }
            }
        });
    }

    /** Forgets every rendering, as a restart would. */
    void forget() {
        kept.invalidateAll();
    }

    /** The claim of an RMA at {@code version}; {@code stored} is read only when this instance has not rendered it yet. */
    public Rendered<RmaDocuments.Claim> claim(UUID rmaId, int version, Supplier<RmaDocuments.Claim> stored) {
        ClaimKey key = new ClaimKey(rmaId, version);
        @SuppressWarnings("unchecked")
        Rendered<RmaDocuments.Claim> shown = (Rendered<RmaDocuments.Claim>) kept.getIfPresent(key);
        if (shown != null) {
            return shown;
        }
        RmaDocuments.Claim claim = stored.get();
        if (claim == null) {
            return null;
        }
        Rendered<RmaDocuments.Claim> rendered = written(claim);
        keep(key, rendered);
        return rendered;
    }

    private ShownDecision keepDecision(DecisionKey key, RmaDocuments.Decision decision) {
        if (decision == null) {
            return null;
        }
        DecidedTerms terms = DecidedTerms.of(decision);
        String json = mapper.writeValueAsString(decision);
        ShownDecision shown = new ShownDecision(Rendered.written(json), terms.returnShippingPaidBy(), terms.needsConsent());
        keep(key, shown);
        return shown;
    }

    private void keep(Object key, Object rendering) {
        if (keeping) {
            kept.put(key, rendering);
        }
    }
}
