package org.openrma.whatif.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimParser;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;

/**
 * Decides every claim of a history under two policies, streaming: the calling thread reads
 * batches of records and hands them to a fixed pool of workers through a bounded number of
 * slots, so memory stays the same whatever the length of the file. Each worker tallies its batch
 * and merges it into the result; {@code now} for each claim is its {@code request.submitted_at}.
 * Claims are decided without explanations (the engine's outcome-only detail, same numbers);
 * {@link #explain} decides the few most changed ones again in full for the report. Workers read
 * each JSON line (or CSV {@code claim} cell) token by token into the claim ({@link ClaimParser}),
 * without a JSON tree; only a claim out of the common shape is read through the tree reader.
 */
public final class Replay {

    static final int BATCH = 256;

    /** What to do with a record that cannot be replayed. */
    public enum OnError { SKIP, FAIL }

    public record Options(int threads, int top, OnError onError) {}

    private final ReplayPolicy baseline;
    private final ReplayPolicy candidate;
    private final Options options;
    private final AtomicLong processed = new AtomicLong();

    public Replay(ReplayPolicy baseline, ReplayPolicy candidate, Options options) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.options = options;
    }

    /** Records handled so far (decided or not), for progress reports. */
    public long processed() {
        return processed.get();
    }

    /** Reads every record and returns the merged tally; with {@link OnError#FAIL} it stops soon after the first problem. */
    public ReplayTally run(ClaimRecords records) throws InterruptedException {
        ReplayTally total = new ReplayTally(options.top());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "replay-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(options.threads() * 2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        try {
            List<ClaimRecords.Raw> batch = new ArrayList<>(BATCH);
            ClaimRecords.Raw raw;
            while (!stop.get() && (raw = records.next()) != null) {
                batch.add(raw);
                if (batch.size() == BATCH) {
                    submit(pool, slots, batch, total, stop, crash);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty() && !stop.get()) {
                submit(pool, slots, batch, total, stop, crash);
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
        if (crash.get() != null) {
            throw new IllegalStateException("replay failed: " + crash.get(), crash.get());
        }
        return total;
    }

    /** The claims that changed most, decided again with their full explanations. */
    public List<ReplayTally.Change> explain(List<ReplayTally.Change> changes) {
        return changes.stream().map(c -> {
            Instant now = c.claim().request().submittedAt();
            return c.withDecisions(baseline.decide(c.claim(), now, Detail.FULL), candidate.decide(c.claim(), now, Detail.FULL));
        }).toList();
    }

    private void submit(ExecutorService pool, Semaphore slots, List<ClaimRecords.Raw> batch, ReplayTally total,
            AtomicBoolean stop, AtomicReference<Throwable> crash) throws InterruptedException {
        slots.acquire();
        pool.execute(() -> {
            try {
                ReplayTally tally = decide(batch);
                synchronized (total) {
                    total.merge(tally);
                }
                processed.addAndGet(batch.size());
                if (options.onError() == OnError.FAIL && !tally.problems().isEmpty()) {
                    stop.set(true);
                }
            } catch (Throwable t) {
                crash.compareAndSet(null, t);
                stop.set(true);
            } finally {
                slots.release();
            }
        });
    }

    /** A line of JSON, token by token straight into the claim; the tree reader for a claim out of the common shape (or refused). */
    private static Claim read(ClaimRecords.Raw line) {
        Claim claim = ClaimParser.parse(line.json(), 0, line.json().length);
        return claim != null ? claim : ClaimReader.read(line.jsonText());
    }

    /** A CSV row: its column {@code claim} like a line of JSON; a row of field paths (or a refused claim) through the tree. */
    private static Claim read(CsvClaims.Row row) {
        String json = row.claimJson();
        Claim claim = json == null ? null : ClaimParser.parse(json);
        return claim != null ? claim : ClaimReader.fromTree(row.tree());
    }

    private ReplayTally decide(List<ClaimRecords.Raw> batch) {
        ReplayTally tally = new ReplayTally(options.top());
        for (ClaimRecords.Raw raw : batch) {
            if (raw.problem() != null) {
                tally.malformed(raw.line(), raw.problem());
                continue;
            }
            Claim claim;
            try {
                claim = raw.row() != null ? read(raw.row()) : read(raw);
            } catch (InvalidClaimException e) {
                tally.malformed(raw.line(), "invalid claim: " + e.problems().stream()
                        .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
                continue;
            } catch (IllegalArgumentException e) {
                tally.malformed(raw.line(), e.getMessage());
                continue;
            }
            Instant now = claim.request().submittedAt();
            Decision b;
            Decision c;
            try {
                b = baseline.decide(claim, now, Detail.OUTCOME_ONLY);
            } catch (RuntimeException e) {
                tally.failed(raw.line(), "the baseline policy failed on this claim: " + e);
                continue;
            }
            try {
                c = candidate.decide(claim, now, Detail.OUTCOME_ONLY);
            } catch (RuntimeException e) {
                tally.failed(raw.line(), "the candidate policy failed on this claim: " + e);
                continue;
            }
            tally.add(raw.line(), claim, b, c);
        }
        return tally;
    }
}
