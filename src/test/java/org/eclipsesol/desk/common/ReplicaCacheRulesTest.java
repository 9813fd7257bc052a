package org.eclipsesol.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** When a replica cache keeps an entry and when it reads again (no database: the loads are counted). */
class ReplicaCacheRulesTest {

    private final ReplicaCaches caches = new ReplicaCaches();
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + " v" + loads.incrementAndGet();
    }

    @Test
    void nothingIsKeptWhileTheListenerIsNotConnected() {
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 10);
        assertThat(cache.get("a", this::load)).isEqualTo("a v1");
        assertThat(cache.get("a", this::load)).isEqualTo("a v2");
    }

    @Test
    void aConnectedReplicaKeepsWhatItReadUntilAnInvalidation() {
        caches.listening(true);
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 10);
        assertThat(cache.get("a", this::load)).isEqualTo("a v1");
        assertThat(cache.get("a", this::load)).isEqualTo("a v1");
        caches.invalidated("other");
        assertThat(cache.get("a", this::load)).isEqualTo("a v1");
        caches.invalidated("names");
        assertThat(cache.get("a", this::load)).isEqualTo("a v2");
    }

    @Test
    void aLoadOverlappingAnInvalidationIsNotKept() {
        caches.listening(true);
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 10);
        // The load read the old rows; the change committed (and was announced) before it returned.
        assertThat(cache.get("a", key -> {
            caches.invalidated("names");
            return load(key);
        })).isEqualTo("a v1");
        assertThat(cache.get("a", this::load)).isEqualTo("a v2");
        assertThat(cache.get("a", this::load)).isEqualTo("a v2");
    }

    @Test
    void losingOrRegainingTheListenerDropsEverything() {
        caches.listening(true);
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 10);
        cache.get("a", this::load);
        caches.listening(false);
        assertThat(cache.get("a", this::load)).isEqualTo("a v2");
        caches.listening(true);
        assertThat(cache.get("a", this::load)).isEqualTo("a v3");
        assertThat(cache.get("a", this::load)).isEqualTo("a v3");
    }

    @Test
    void aLoadThatFoundNothingIsKeptToo() {
        caches.listening(true);
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 10);
        assertThat(cache.get("a", key -> {
            loads.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get("a", this::load)).isNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFullCacheStartsOver() {
        caches.listening(true);
        ReplicaCaches.Cache<String, String> cache = caches.cache("names", 2);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);
        assertThat(cache.get("c", this::load)).isEqualTo("c v3");
        assertThat(cache.get("a", this::load)).isEqualTo("a v4");
    }
}
