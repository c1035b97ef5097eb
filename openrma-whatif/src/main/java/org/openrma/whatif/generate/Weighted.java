package org.openrma.whatif.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A fixed set of choices with relative weights, drawn in a reproducible way from a seeded random source. */
record Weighted<T>(List<T> choices, long[] cumulative) {

    Weighted {
        choices = List.copyOf(choices);
        if (choices.isEmpty() || choices.size() != cumulative.length || cumulative[cumulative.length - 1] <= 0) {
            throw new IllegalArgumentException("a weighted choice needs at least one positive weight");
        }
    }

    /** Choices in the map's iteration order (the file's order), so draws depend only on the data and the seed. */
    static <T> Weighted<T> of(Map<T, Long> weights) {
        List<T> choices = new ArrayList<>();
        long[] cumulative = new long[weights.size()];
        long total = 0;
        int i = 0;
        for (var e : weights.entrySet()) {
            total += e.getValue();
            choices.add(e.getKey());
            cumulative[i++] = total;
        }
        return new Weighted<>(choices, cumulative);
    }

    T draw(SplittableRandom random) {
        long r = random.nextLong(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return choices.get(i);
            }
        }
        throw new AssertionError("unreachable");
    }
}
