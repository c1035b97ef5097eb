package org.openrma.service.db;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-instance cache of rows of one table, kept correct across instances by the database's invalidation
 * notices ({@link Invalidations}): an entry goes when a notice names its key, everything goes when the listener
 * is not connected, and every entry expires after a short time anyway (a safety net, not the mechanism).
 *
 * <p>Why not a plain cache library: a load that read the row just before a change committed must not put the
 * old row back after the change's notice removed it. Every invalidation bumps a generation, and a load only
 * stores its result if no invalidation happened while it ran; otherwise the (possibly old) result serves
 * that one caller and is not kept.
 */
public final class InvalidatedCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {}

    private final String table;
    private final Function<String, K> keyOfNotice;
    private final long ttlNanos;
    private final int maxEntries;
    private final Invalidations invalidations;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    InvalidatedCache(String table, Function<String, K> keyOfNotice, Duration ttl, int maxEntries, Invalidations invalidations) {
        this.table = table;
        this.keyOfNotice = keyOfNotice;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.invalidations = invalidations;
    }

    String table() {
        return table;
    }

    /** The cached value of {@code key}, or what {@code load} reads (kept when found and nothing was invalidated meanwhile). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return Optional.of(e.value());
        }
        long before = generation.get();
        Optional<V> loaded = load.get();
        if (loaded.isPresent() && invalidations.listening() && generation.get() == before) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // bounded: a full cache starts over rather than grow (the hot keys come back at once)
            }
            entries.put(key, new Entry<>(loaded.get(), now + ttlNanos));
            if (generation.get() != before) {
                entries.remove(key); // an invalidation raced with the put: do not keep what may be old
            }
        }
        return loaded;
    }

    /**
     * Forgets {@code key}: this instance is changing its row. Now, and again when the surrounding transaction ends
     * (another request may have cached the row as it was before the change committed); the other instances
     * forget it when the notice reaches them at commit.
     */
    public void invalidate(K key) {
        forget(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(key);
                }
            });
        }
    }

    private void forget(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    void invalidateNotice(String key) {
        K k;
        try {
            k = keyOfNotice.apply(key);
        } catch (RuntimeException e) {
            invalidateAll(); // a notice this cache cannot read: forget everything rather than risk a stale entry
            return;
        }
        forget(k);
    }

    public int size() {
        return entries.size();
    }
}
