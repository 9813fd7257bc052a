package org.eclipsesol.desk.sla.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.sla.data.HolidayEntity;
import org.eclipsesol.desk.sla.data.SlaPolicyEntity;
import org.eclipsesol.desk.sla.engine.BusinessHoursClock;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.ServiceClock;
import org.eclipsesol.desk.sla.engine.TwentyFourSevenClock;

/**
 * Policy versions and clocks, cached: which version is in force, and the 24x7 or business-hours clock (with
 * holidays) a target counts on.
 */
@ApplicationScoped
public class SlaPolicies {

    /** Holidays are re-read at most this often, so a PUT on another replica is seen within it. */
    private static final Duration HOLIDAY_CACHE_TTL = Duration.ofSeconds(15);

    private final ConcurrentMap<Integer, PolicySnapshot> policies = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, ServiceClock> businessClocks = new ConcurrentHashMap<>();
    private volatile Set<LocalDate> holidays;
    private volatile Instant holidaysLoadedAt = Instant.EPOCH;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    public PolicySnapshot policy(int version) {
        PolicySnapshot cached = policies.get(version);
        if (cached != null) {
            return cached;
        }
        SlaPolicyEntity entity = SlaPolicyEntity.findById(version);
        if (entity == null) {
            throw ProblemException.notFound("SLA policy version " + version);
        }
        PolicySnapshot snapshot = PolicySnapshot.of(entity);
        policies.put(version, snapshot);
        return snapshot;
    }

    /**
     * JPQL for the latest version published at or before {@code :at}: null before any publication (then version 1
     * is in force, {@link #inForce}). A query that needs it with other rows embeds it as a subquery.
     */
    public static final String LATEST_VERSION_AT = "select max(p.version) from SlaPolicyEntity p where p.effectiveFrom <= :at";

    /** The version in force at {@code at}: the latest published at or before it (version 1 before that). */
    public PolicySnapshot policyInForceAt(Instant at) {
        return inForce(em.createQuery(LATEST_VERSION_AT, Integer.class).setParameter("at", at).getSingleResult());
    }

    /** The policy in force, given what {@link #LATEST_VERSION_AT} found. */
    public PolicySnapshot inForce(Integer latestVersion) {
        return policy(latestVersion == null ? 1 : latestVersion);
    }

    public Set<LocalDate> holidays() {
        Instant now = clock.instant();
        Set<LocalDate> current = holidays;
        if (current == null || holidaysLoadedAt.plus(HOLIDAY_CACHE_TTL).isBefore(now)) {
            current = HolidayEntity.<HolidayEntity> listAll().stream().map(h -> h.date).collect(Collectors.toUnmodifiableSet());
            if (!current.equals(holidays)) {
                businessClocks.clear();
            }
            holidays = current;
            holidaysLoadedAt = now;
        }
        return current;
    }

    public void holidaysChanged() {
        holidays = null;
        businessClocks.clear();
    }

    public ServiceClock clockFor(PolicySnapshot policy, ClockType type) {
        if (type == ClockType.TWENTY_FOUR_SEVEN) {
            return TwentyFourSevenClock.INSTANCE;
        }
        Set<LocalDate> days = holidays();
        return businessClocks.computeIfAbsent(policy.version(),
                v -> new BusinessHoursClock(policy.zone(), policy.hours(), days));
    }
}
