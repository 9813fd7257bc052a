package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.data.PolicyTargetEmbeddable;
import org.eclipsesol.desk.sla.data.SlaPolicyEntity;

/** Published SLA policy versions: reading them, and publishing a new immutable one. */
@ApplicationScoped
public class PolicyService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies sla;

    public List<PolicyView> policies(Caller caller) {
        caller.requireTicketUser();
        List<Integer> versions = em.createQuery("select p.version from SlaPolicyEntity p order by p.version", Integer.class)
                .getResultList();
        return versions.stream().map(v -> sla.policy(v).view()).toList();
    }

    public PolicyView policy(Caller caller, int version) {
        caller.requireTicketUser();
        return sla.policy(version).view();
    }

    public PolicyView current(Caller caller) {
        caller.requireTicketUser();
        return sla.policyInForceAt(clock.instant()).view();
    }

    @Transactional
    public PolicyView publish(Caller caller, @Valid @NotNull PolicyInput input) {
        caller.requireSupervisor();
        ZoneId zone;
        try {
            zone = ZoneId.of(input.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as America/Denver");
        }
        // A value may not smuggle in another day's separators, and a day may not be given twice ("monday" and
        // "MONDAY").
        Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> day : input.businessHours().entrySet()) {
            DayOfWeek weekday = PolicySnapshot.parseDay(day.getKey(), "businessHours");
            String field = "businessHours." + day.getKey();
            String value = day.getValue() == null ? "" : day.getValue().replace(" ", "");
            if (value.isEmpty() || value.contains(";") || value.contains("=")) {
                throw ProblemException.invalid(field, "must be intervals like 09:00-17:00 or 08:00-12:00,13:00-17:00");
            }
            if (days.put(weekday, value) != null) {
                throw ProblemException.invalid(field, weekday + " is given twice");
            }
        }
        Map<String, String> hours = new LinkedHashMap<>();
        days.forEach((weekday, value) -> hours.put(weekday.name(), value));
        PolicySnapshot.parseHours(hours, "businessHours");
        for (Map.Entry<Priority, PolicyTarget> t : input.targets().entrySet()) {
            String field = "targets." + t.getKey();
            if (!positive(t.getValue().response())) {
                throw ProblemException.invalid(field + ".response", "must be positive");
            }
            if (t.getValue().resolution().compareTo(t.getValue().response()) < 0) {
                throw ProblemException.invalid(field + ".resolution", "must not be shorter than the response target");
            }
        }
        // Versions are numbered without gaps; the table lock makes two concurrent publications take turns.
        em.createNativeQuery("lock table sla_policy in exclusive mode").executeUpdate();
        Integer last = em.createQuery("select max(p.version) from SlaPolicyEntity p", Integer.class).getSingleResult();
        Instant now = clock.instant();
        SlaPolicyEntity p = new SlaPolicyEntity();
        p.version = last + 1;
        p.effectiveFrom = now;
        p.publishedAt = now;
        p.publishedBy = caller.id();
        p.timeZone = zone.getId();
        p.atRiskShare = input.atRiskShare() == null ? new BigDecimal("0.75") : input.atRiskShare();
        p.businessHours = PolicySnapshot.hoursJson(days);
        p.note = input.note();
        for (Map.Entry<Priority, PolicyTarget> t : input.targets().entrySet()) {
            PolicyTargetEmbeddable target = new PolicyTargetEmbeddable();
            target.clock = t.getValue().clock().name();
            target.responseSeconds = t.getValue().response().toSeconds();
            target.resolutionSeconds = t.getValue().resolution().toSeconds();
            p.targets.put(t.getKey(), target);
        }
        p.persist();
        em.flush();
        return PolicySnapshot.of(p).view();
    }

    /** Duration.isPositive() needs Java 18; we build for 17. */
    public static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
