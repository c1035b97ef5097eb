package org.openrma.bench.handwritten;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openrma.claim.Claim;
import org.openrma.decision.DatesByName;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.LineResult;
import org.openrma.decision.MappedOnRead;
import org.openrma.decision.Remedy;
import org.openrma.policy.CompiledPolicy;

/**
 * What a decision works out only when it is read (dates, lines' results, remedies' values), asked of OpenRMA's decision of
 * the same claim the first time one of them is read: the same views OpenRMA's decision makes, of one object each.
 */
final class AskedOfOpenRma implements Supplier<Decision> {
    private final CompiledPolicy openRma;
    private final Claim claim;
    private Decision decided;

    AskedOfOpenRma(CompiledPolicy openRma, Claim claim) {
        this.openRma = openRma;
        this.claim = claim;
    }

    @Override
    public synchronized Decision get() {
        if (decided == null) {
            decided = openRma.decide(claim, claim.request().submittedAt(), Detail.OUTCOME_ONLY);
        }
        return decided;
    }

    Map<String, LocalDate> deadlines() {
        return new DatesByName.OnRead() {
            @Override
            protected Map<String, LocalDate> work() {
                return AskedOfOpenRma.this.get().deadlines();
            }
        };
    }

    List<LineResult> lines() {
        return MappedOnRead.of(claim.claimedLines(), this, (line, decision) -> decision.get().lines().get(claim.claimedLines().indexOf(line)));
    }

    /** The values of the {@code count} offers that hold, in the program's order. */
    List<Remedy> remedies(int count) {
        return MappedOnRead.of(FIRST.get(count), this, (at, decision) -> decision.get().remedies().get(at));
    }

    /** 0, 0 to 1, ... 0 to 3: where each offer that holds is among them. */
    private static final List<List<Integer>> FIRST = List.of(List.of(), List.of(0), List.of(0, 1), List.of(0, 1, 2), List.of(0, 1, 2, 3));
}
