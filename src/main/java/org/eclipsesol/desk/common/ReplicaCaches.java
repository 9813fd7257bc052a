package org.eclipsesol.desk.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Per-replica caches of rows that nearly every request reads and that rarely change: a client's organization by
 * e-mail address, the enabled webhook subscriptions, a recipient's notice opt-outs (docs/decisions.md "Replica
 * caches"). Whoever changes such rows calls {@link #changed} in the same transaction: it sends a NOTIFY on the
 * cluster channel (delivered only if the transaction commits, to every replica) and drops this replica's entries
 * after the commit. Every replica's cluster listener passes what it hears to {@link #invalidated}.
 * <p>
 * An entry is kept only if no invalidation arrived while it was being loaded (a generation per cache), so a load
 * that read the old rows never outlives the change; another replica sees a change once its NOTIFY arrives
 * (milliseconds). While the listener is not connected nothing is cached, since an invalidation could be missed,
 * and a (re)connection drops everything. Entries also expire after {@link #BACKSTOP}, a bound on staleness even
 * if a connection dies without the listener noticing.
 */
@ApplicationScoped
public class ReplicaCaches {

    /** The cluster event type whose body names the cache to drop. */
    public static final String EVENT_TYPE = "invalidate";
    static final Duration BACKSTOP = Duration.ofSeconds(30);
    private static final long BACKSTOP_NANOS = BACKSTOP.toNanos();

    private final Map<String, Cache<?, ?>> caches = new ConcurrentHashMap<>();
    private volatile boolean listening;

    @Inject
    EntityManager em;

    @Inject
    DeskConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The cache named {@code name}, created on first use with room for {@code maxEntries} keys. */
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> cache(String name, int maxEntries) {
        return (Cache<K, V>) caches.computeIfAbsent(name, n -> new Cache<>(maxEntries));
    }

    /**
     * The rows behind cache {@code name} change in the current transaction: every replica drops its entries once
     * the transaction commits (this one right after the commit, the others when the NOTIFY arrives). Announced once
     * per transaction however many rows change (a worker batch may disable several webhook endpoints).
     */
    public void changed(String name) {
        String announced = ReplicaCaches.class.getName() + " " + name;
        if (transactions.getResource(announced) != null) {
            return;
        }
        transactions.putResource(announced, Boolean.TRUE);
        notifyOnCommit(invalidation(name));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Dropped after the commit: a load before it could still read the old rows.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidated(name);
                }
            }
        });
    }

    /**
     * Sends {@code payload} on the cluster channel inside the current transaction: every replica hears it if and
     * only if the transaction commits. PostgreSQL then holds its notify lock through this transaction's commit, so
     * this is for rare events (invalidations, SLA alerts); frequent ones go after commit (ClusterEvents).
     */
    public void notifyOnCommit(String payload) {
        em.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", channel(config)).setParameter("payload", payload).getSingleResult();
    }

    /** An invalidation heard on the cluster channel (or made here after a commit). */
    public void invalidated(String name) {
        Cache<?, ?> cache = caches.get(name);
        if (cache != null) {
            cache.clear();
        }
    }

    /**
     * Whether the cluster listener is connected and LISTENing. Both transitions drop everything: before, an
     * invalidation may have been missed; after, none can be heard.
     */
    public void listening(boolean connected) {
        listening = connected;
        caches.values().forEach(Cache::clear);
    }

    /** Whether entries are kept now (the cluster listener is connected). */
    public boolean listening() {
        return listening;
    }

    /** The cluster event that tells every replica to drop cache {@code name}. */
    public static String invalidation(String name) {
        return "{\"type\":\"" + EVENT_TYPE + "\",\"body\":\"" + name + "\"}";
    }

    /** The cluster channel: one per schema, so dev, test and prod sharing a database do not hear each other. */
    public static String channel(DeskConfig config) {
        return "desk_events_" + config.db().schema().toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }

    /** One cache; a value may be null (a lookup that found nothing is remembered too). */
    public final class Cache<K, V> {

        private record Entry<V>(V value, long generation, long loadedAtNanos) {
        }

        private final int maxEntries;
        private final AtomicLong generation = new AtomicLong();
        private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

        private Cache(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** The cached value of {@code key}, or what {@code load} reads now (kept if nothing changed meanwhile). */
        public V get(K key, Function<K, V> load) {
            long current = generation.get();
            if (!listening) {
                return load.apply(key);
            }
            long now = System.nanoTime();
            Entry<V> entry = entries.get(key);
            if (entry != null && entry.generation() == current && now - entry.loadedAtNanos() < BACKSTOP_NANOS) {
                return entry.value();
            }
            V value = load.apply(key);
            if (listening && generation.get() == current) {
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(value, current, now));
            }
            return value;
        }

        void clear() {
            generation.incrementAndGet();
            entries.clear();
        }
    }
}
