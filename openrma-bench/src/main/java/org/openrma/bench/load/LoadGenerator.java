package org.openrma.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrma.bench.mix.ClaimMix;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives the RMA service over loopback from its own process: loads orders, then for a fixed time
 * submits claims on them (decide + persist + audit + outbox), then for a fixed time reads the RMAs
 * back. Closed loop: N virtual threads each send a request, wait for the answer, and send the next.
 * Reports throughput and latency percentiles per phase (every latency is kept and sorted).
 *
 * <pre>
 * java -cp benchmarks.jar org.openrma.bench.load.LoadGenerator --base http://127.0.0.1:18080 --key ork_demo_kst_agent \
 *     --policy kst-servos --orders 20000 --submit-seconds 30 --submit-concurrency 32 --read-seconds 30 --read-concurrency 64
 *     [--warmup-seconds 20: that long of submissions and then of reads, not counted, before the measured phases]
 *     [--floor-seconds 20: last, that long of GETs of each of --floor-paths, pages the same service answers with no database
 *      work: the ceiling of the web stack itself, with the read phase's concurrency. By default /api/v1/policies (the API
 *      key, every filter, Spring Security, MVC and Jackson, as a read, from the merchant's cached catalog),
 *      /api/v1/rma-lifecycle (the same without a key: the API's one public GET) and /livez (no key: the actuator); each
 *      after a warm-up of its own with --warmup-seconds]
 * </pre>
 */
public final class LoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String base;
    private final String key;
    private final HttpClient http;
    /** The wall clock the phases' windows are stamped with (other processes' CPU samples are matched to them). */
    private final Clock clock;

    private LoadGenerator(String base, String key, Clock clock) {
        this.base = base;
        this.key = key;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Map<String, String> a = new TreeMap<>(Map.ofEntries(Map.entry("--base", "http://127.0.0.1:18080"),
                Map.entry("--key", "ork_demo_kst_agent"),
                Map.entry("--policy", "kst-servos"),
                Map.entry("--orders", "20000"),
                Map.entry("--load-concurrency", "16"),
                Map.entry("--submit-seconds", "30"),
                Map.entry("--submit-concurrency", "32"),
                Map.entry("--read-seconds", "30"),
                Map.entry("--read-concurrency", "64"),
                Map.entry("--warmup-seconds", "0"),
                Map.entry("--floor-seconds", "0"),
                Map.entry("--floor-paths", "/api/v1/policies,/api/v1/rma-lifecycle,/livez"),
                Map.entry("--run", String.valueOf(clock.millis() % 1_000_000))));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!a.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + a.keySet());
            }
            a.put(args[i], args[i + 1]);
        }
        System.out.println("load generator: " + a);
        new LoadGenerator(a.get("--base"), a.get("--key"), clock).run(a);
    }

    private void run(Map<String, String> a) throws Exception {
        int orders = Integer.parseInt(a.get("--orders"));
        String prefix = "LT" + a.get("--run") + "-";
        List<String> claims = ClaimMix.json(ClaimMix.Profile.forPolicy(a.get("--policy")), Long.parseLong(a.get("--run")), orders);
        List<byte[]> orderBodies = new ArrayList<>(orders);
        List<byte[]> claimBodies = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            JsonNode claim = JSON.readTree(claims.get(i));
            ObjectNode order = (ObjectNode) claim.get("order");
            String number = prefix + i;
            order.put("number", number);
            orderBodies.add(JSON.writeValueAsBytes(order));
            ObjectNode body = JSON.createObjectNode();
            body.put("order_number", number);
            body.set("request", claim.get("request"));
            claimBodies.add(JSON.writeValueAsBytes(body));
        }

        AtomicInteger nextOrder = new AtomicInteger();
        Phase load = phase("load orders (POST /api/v1/orders)", Integer.parseInt(a.get("--load-concurrency")), Long.MAX_VALUE, () -> {
            int i = nextOrder.getAndIncrement();
            return i >= orders ? null : post("/api/v1/orders", orderBodies.get(i), null);
        });
        load.print();

        AtomicInteger nextClaim = new AtomicInteger();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Call submitting = () -> {
            int i = nextClaim.getAndIncrement();
            if (i >= orders) {
                return null; // every order has its claim; stop rather than claim twice
            }
            Result r = post("/api/v1/rmas", claimBodies.get(i), prefix + "claim-" + i);
            if (r.status == 201) {
                Matcher m = ID.matcher(r.body);
                if (m.find()) {
                    ids.add(m.group(1));
                }
            }
            return r;
        };
        long warmupNanos = Duration.ofSeconds(Long.parseLong(a.get("--warmup-seconds"))).toNanos();
        if (warmupNanos > 0) {
            // the same requests, not counted: the measured phases then find the service's code compiled, as a service
            // that has run for a while has it, instead of paying its JIT in their first seconds
            phase("warm-up: submit claims", Integer.parseInt(a.get("--submit-concurrency")), warmupNanos, submitting).print();
            String[] warm = ids.toArray(String[]::new);
            AtomicLong nextWarmRead = new AtomicLong();
            if (warm.length > 0) {
                phase("warm-up: read RMAs", Integer.parseInt(a.get("--read-concurrency")), warmupNanos,
                        () -> get("/api/v1/rmas/" + warm[(int) (nextWarmRead.getAndIncrement() % warm.length)])).print();
            }
            ids.clear();                                                    // the measured reads read what the measured phase filed
        }
        long submitNanos = Duration.ofSeconds(Long.parseLong(a.get("--submit-seconds"))).toNanos();
        Phase submit = phase("submit claims (POST /api/v1/rmas)", Integer.parseInt(a.get("--submit-concurrency")), submitNanos, submitting);
        submit.print();
        if (nextClaim.get() >= orders) {
            System.out.println("  note: every loaded order was claimed before the time was up; load more orders (--orders) for a longer run");
        }

        String[] rmaIds = ids.toArray(String[]::new);
        if (rmaIds.length == 0) {
            System.out.println("no RMA was created; skipping reads");
            return;
        }
        AtomicLong nextRead = new AtomicLong();
        long readNanos = Duration.ofSeconds(Long.parseLong(a.get("--read-seconds"))).toNanos();
        Phase read = phase("read RMAs (GET /api/v1/rmas/{id})", Integer.parseInt(a.get("--read-concurrency")), readNanos,
                () -> get("/api/v1/rmas/" + rmaIds[(int) (nextRead.getAndIncrement() % rmaIds.length)]));
        read.print();

        long floorNanos = Duration.ofSeconds(Long.parseLong(a.get("--floor-seconds"))).toNanos();
        if (floorNanos > 0) {
            // the same filters, security, dispatch and JSON writing as a read, without its query and its RMA: what the web stack
            // alone takes a request, the ceiling of any read on this machine
            int concurrency = Integer.parseInt(a.get("--read-concurrency"));
            for (String floorPath : a.get("--floor-paths").split(",")) {
                if (warmupNanos > 0) {
                    // its code compiled first, as the measured reads found theirs
                    phase("warm-up: stack floor (GET " + floorPath + ")", concurrency, warmupNanos, () -> get(floorPath)).print();
                }
                phase("stack floor (GET " + floorPath + ")", concurrency, floorNanos, () -> get(floorPath)).print();
            }
        }
    }

    // ------------------------------------------------------------------ requests

    private record Result(int status, String body, long nanos) {}

    private Result post(String path, byte[] body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    private Result get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).GET().build());
    }

    private Result send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Result(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    // ------------------------------------------------------------------ phases

    @FunctionalInterface
    private interface Call {
        /** One request, or null when there is no more work. */
        Result call() throws Exception;
    }

    /** {@code startedAt}/{@code endedAt}: epoch milliseconds, so a script can match CPU samples of other processes to the phase. */
    private record Phase(String name, int concurrency, long wallNanos, long[] latencies, Map<String, Integer> statuses, List<String> sampleErrors,
                         long startedAt, long endedAt, long bodyChars) {
        void print() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int ok = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToInt(Map.Entry::getValue).sum();
            double seconds = wallNanos / 1e9;
            System.out.printf("%n%s: concurrency %d, %.1f s%n", name, concurrency, seconds);
            System.out.printf("  requests %d, 2xx %d, statuses %s%n", sorted.length, ok, statuses);
            System.out.printf("  throughput %.0f req/s (2xx: %.0f/s), answers of %d characters on average%n", sorted.length / seconds,
                    ok / seconds, sorted.length == 0 ? 0 : bodyChars / sorted.length);
            if (sorted.length > 0) {
                System.out.printf("  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                        ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
            }
            sampleErrors.forEach(e -> System.out.println("  sample error: " + e));
            System.out.printf("RESULT|%s|%d|%.1f|%d|%d|%.0f|%.2f|%.2f|%.2f|%.2f%n", name, concurrency, seconds, sorted.length, ok, ok / seconds,
                    ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999), sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
            System.out.printf("WINDOW|%s|%d|%d|%d%n", name, startedAt, endedAt, sorted.length);
        }

        private static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    private Phase phase(String name, int concurrency, long durationNanos, Call call) throws InterruptedException {
        long startedAt = clock.millis();
        long start = System.nanoTime();
        long deadline = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + durationNanos;
        List<long[]> perWorker = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        LongAdder bodyChars = new LongAdder();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        String status;
                        long nanos;
                        try {
                            Result r = call.call();
                            if (r == null) {
                                break;
                            }
                            status = String.valueOf(r.status);
                            bodyChars.add(r.body.length());
                            nanos = r.nanos;
                            if (r.status >= 300 && errors.size() < 3) {
                                errors.add(r.status + " " + r.body.substring(0, Math.min(300, r.body.length())));
                            }
                        } catch (Exception e) {
                            status = e.getClass().getSimpleName();
                            nanos = 0;
                            if (errors.size() < 3) {
                                errors.add(e.toString());
                            }
                        }
                        statuses.merge(status, 1, Integer::sum);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = nanos;
                    }
                    perWorker.add(Arrays.copyOf(mine, n));
                    return null;
                });
            }
        }
        long wall = System.nanoTime() - start;
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).toArray();
        return new Phase(name, concurrency, wall, all, new TreeMap<>(statuses), errors, startedAt, clock.millis(), bodyChars.sum());
    }
}
