package org.openrma.claim;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrma.decision.Resolution;

/**
 * What the customer asks, with what is known so far: evidence supplied, facts declared or found,
 * costs incurred, the inspection result and the return shipment's events once they happen.
 */
public record Request(
        ClaimKind kind,
        Instant submittedAt,
        Reason reason,
        List<RequestLine> lines,
        boolean keepsFreeGifts,
        Set<Evidence> evidence,
        Set<Fact> facts,
        Costs costs,
        String protectionPlan,
        Inspection inspection,
        Instant rmaIssuedAt,
        Instant shippedBackAt,
        ShippingMethod returnShippingMethod,
        Resolution preferredResolution,
        Words words,
        Map<String, String> attributes) {

    /**
     * The request's words as written, standard or declared by the policy: what the engine reads.
     * The typed fields above hold the standard words only ({@link Reason#OTHER} for a declared reason).
     */
    public record Words(String reason, Set<String> evidence, Set<String> facts, boolean standard, long evidenceBits, long factBits) {
        public Words {
            evidence = Set.copyOf(evidence);
            facts = Set.copyOf(facts);
            long evidenceHas = bits(evidence, Evidence.class);
            long factsHave = bits(facts, Fact.class);
            if (evidenceBits != evidenceHas || factBits != factsHave) {
                throw new IllegalArgumentException("words " + evidence + " " + facts + ": their standard constants' bits are "
                        + evidenceHas + " and " + factsHave + ", not " + evidenceBits + " and " + factBits);
            }
            if (standard != allStandard(evidence, evidenceHas, facts, factsHave)) {
                throw new IllegalArgumentException("words " + evidence + " " + facts + (standard ? " are not" : " are") + " all standard");
            }
        }

        /**
         * {@code evidenceBits} and {@code factBits}: the standard words among them as their constants' bits (bit = ordinal), so a
         * policy's test of a claim of standard words only ({@code standard}) is one mask, without a look-up in these sets.
         */
        public Words(String reason, Set<String> evidence, Set<String> facts, boolean standard) {
            this(reason, evidence, facts, standard, bits(evidence, Evidence.class), bits(facts, Fact.class));
        }

        /**
         * {@code standard}: whether every fact and every piece of evidence is a standard word written exactly as its constant's
         * wire word (as many constants as words), which every policy accepts: worked out once here, so a decision reads one
         * flag where it compared four sets.
         */
        public Words(String reason, Set<String> evidence, Set<String> facts) {
            this(reason, evidence, facts, allStandard(evidence, bits(evidence, Evidence.class), facts, bits(facts, Fact.class)));
        }

        /** Every word is a standard one written exactly as its constant's wire word: each has its bit ({@link #bits}, one per word). */
        private static boolean allStandard(Set<String> evidence, long evidenceBits, Set<String> facts, long factBits) {
            return Long.bitCount(evidenceBits) == evidence.size() && Long.bitCount(factBits) == facts.size();
        }

        /**
         * The standard words among {@code words}, written exactly as their wire words, as their constants' bits (each
         * vocabulary has under 64 words): what a look-up of those words in {@code words} finds.
         */
        public static <E extends Enum<E> & Vocabulary> long bits(java.util.Collection<String> words, Class<E> type) {
            long bits = 0;
            for (String w : words) {
                E constant = Vocabulary.exactly(type, w);
                if (constant != null) {
                    bits |= 1L << constant.ordinal();
                }
            }
            return bits;
        }

        static Words of(Reason reason, Set<Evidence> evidence, Set<Fact> facts) {
            return new Words(reason == null ? null : reason.wire(), wires(evidence), wires(facts), true);
        }

        private static Set<String> wires(Set<? extends Vocabulary> words) {
            Set<String> out = new java.util.LinkedHashSet<>();
            words.forEach(w -> out.add(w.wire()));
            return out;
        }
    }

    public Request {
        lines = List.copyOf(lines);
        evidence = Set.copyOf(evidence);
        facts = Set.copyOf(facts);
        if (words == null) {
            words = Words.of(reason, evidence, facts);
        } else {
            // a policy's gate lets a claim through without looking its words up when all are standard, which it tells by
            // counting these, and by the typed reason: so the typed words must be exactly the standard ones written
            if (reason != typedReason(words.reason()) || reason != null && reason != Reason.OTHER && !reason.wire().equals(words.reason())) {
                throw new IllegalArgumentException("request.reason " + reason + " is not the standard reason of the word written '" + words.reason() + "'");
            }
            if (!evidence.equals(standard(words.evidence(), Evidence.class))) {
                throw new IllegalArgumentException("request.evidence " + evidence + " is not the standard evidence of the words written " + words.evidence());
            }
            if (!facts.equals(standard(words.facts(), Fact.class))) {
                throw new IllegalArgumentException("request.facts " + facts + " are not the standard facts of the words written " + words.facts());
            }
        }
        attributes = Map.copyOf(attributes);
    }

    /** The typed reason of a word written: its constant, {@link Reason#OTHER} for a word a policy declares, null for none. */
    private static Reason typedReason(String word) {
        return word == null ? null : Vocabulary.parse(Reason.class, word).orElse(Reason.OTHER);
    }

    /** The standard words among {@code words} (the others are declared by a policy), as the typed fields hold them. */
    static <E extends Enum<E> & Vocabulary> Set<E> standard(Set<String> words, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String w : words) {
            Vocabulary.parse(type, w).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Whether every fact and every piece of evidence is written in a standard word, which every policy accepts, so no word is
     * looked up: {@link Words#standard}, worked out when the words were read (the typed are the standard ones written, as the
     * constructor checks).
     */
    public boolean allWordsStandard() {
        return words.standard();
    }

    public Request(ClaimKind kind, Instant submittedAt, Reason reason, List<RequestLine> lines, boolean keepsFreeGifts, Set<Evidence> evidence,
            Set<Fact> facts, Costs costs, String protectionPlan, Inspection inspection, Instant rmaIssuedAt, Instant shippedBackAt,
            ShippingMethod returnShippingMethod, Resolution preferredResolution) {
        this(kind, submittedAt, reason, lines, keepsFreeGifts, evidence, facts, costs, protectionPlan, inspection, rmaIssuedAt, shippedBackAt,
                returnShippingMethod, preferredResolution, null, Map.of());
    }

    public String reasonWord() {
        return words.reason();
    }

    public Optional<Inspection> inspectionResult() {
        return Optional.ofNullable(inspection);
    }
}
