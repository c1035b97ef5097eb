package org.openrma.service.rma;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored claim and decision of an RMA as the API writes them, rendered once per instance and then copied into
 * every response that shows them ({@link Rendered}), instead of parsing the stored JSON into typed documents and
 * writing those again on every read.
 *
 * <p>Why this needs no invalidation, with any number of instances: what is kept is named by something that never
 * changes its content. A decision row is never updated (an RMA decided again gets a new {@code seq}), and an RMA's
 * claim only changes together with its {@code version} ({@link Rmas#update}); so (RMA, seq) and (RMA, version) name
 * one document for good. Only documents read from committed rows are kept: a command's answer may be rolled back
 * with its transaction, and a filing's answer has its objects' keys in the engine's order, not in the order the stored
 * JSON reads back in (PostgreSQL's), which is what every read shows. The rendering is this instance's own mapper's
 * (the one Spring MVC writes responses with), so a restart with changed code renders afresh.
 *
 * <p>Bounded by characters kept; a full cache starts over rather than grow (the RMAs read again come back at once).
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
         * both stored (the decision row) and copied into the answer that filed it — the JSON the response's mapper writes
         * for its typed document, but for the order of the keys. Not kept for reads: the row reads back with its objects'
         * keys in PostgreSQL's order, and a read shows that one. Null for none.
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

    /** About 200 KB of JSON per 100 RMAs shown in full: 32 M characters keep the last ~15,000 RMAs read. */
    static final long MAX_CHARS = 32L * 1024 * 1024;

    private final JsonMapper mapper;
    private final Map<DecisionKey, ShownDecision> decisions = new ConcurrentHashMap<>();
    private final Map<ClaimKey, Rendered<RmaDocuments.Claim>> claims = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();

    RenderedDocuments(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The decision {@code seq} of an RMA; {@code stored} (its stored JSON) is read only when this instance has not rendered it yet. */
    public ShownDecision decision(UUID rmaId, int seq, Supplier<RmaDocuments.Decision> stored) {
        DecisionKey key = new DecisionKey(rmaId, seq);
        ShownDecision shown = decisions.get(key);
        return shown != null ? shown : keepDecision(key, stored.get());
    }

    /** Forgets every rendering, as a restart would. */
    void forget() {
        decisions.clear();
        claims.clear();
        chars.set(0);
    }

    /** The claim of an RMA at {@code version}; {@code stored} is read only when this instance has not rendered it yet. */
    public Rendered<RmaDocuments.Claim> claim(UUID rmaId, int version, Supplier<RmaDocuments.Claim> stored) {
        ClaimKey key = new ClaimKey(rmaId, version);
        Rendered<RmaDocuments.Claim> shown = claims.get(key);
        if (shown != null) {
            return shown;
        }
        RmaDocuments.Claim claim = stored.get();
        if (claim == null) {
            return null;
        }
        Rendered<RmaDocuments.Claim> rendered = Rendered.written(mapper.writeValueAsString(claim));
        keep(claims, key, rendered, rendered.json().length());
        return rendered;
    }

    private ShownDecision keepDecision(DecisionKey key, RmaDocuments.Decision decision) {
        if (decision == null) {
            return null;
        }
        DecidedTerms terms = DecidedTerms.of(decision);
        String json = mapper.writeValueAsString(decision);
        ShownDecision shown = new ShownDecision(Rendered.written(json), terms.returnShippingPaidBy(), terms.needsConsent());
        keep(decisions, key, shown, json.length());
        return shown;
    }

    private <K, V> void keep(Map<K, V> map, K key, V value, int length) {
        if (chars.addAndGet(length) > MAX_CHARS) {
            decisions.clear();
            claims.clear();
            chars.set(length);
        }
        map.put(key, value);
    }
}
