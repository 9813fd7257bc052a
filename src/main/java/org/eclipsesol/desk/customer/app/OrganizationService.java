package org.eclipsesol.desk.customer.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.customer.data.MembershipEntity;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.customer.data.TargetOverride;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.OrganizationDirectory;

import io.quarkus.panache.common.Parameters;

/** Organizations, their members and agreements. Supervisors manage them; clients see only their own. */
@ApplicationScoped
public class OrganizationService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Event<AgreementChanged> agreementChanged;

    @Inject
    ReplicaCaches caches;

    public Page<OrganizationView> list(Caller caller, Integer limit, String cursor) {
        caller.requireTicketUser();
        int size = Cursors.limit(limit);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (caller.isClientOnly()) {
            where.append(" and id = :own");
            params.put("own", caller.organizationId());
        }
        if (cursor != null) {
            String[] parts = Cursors.decode(cursor, 2);
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.put("afterName", parts[0]);
            params.put("afterId", parseUuid(parts[1]));
        }
        // range() is inclusive: one row more than the page tells whether another page exists.
        List<OrganizationEntity> rows = OrganizationEntity.<OrganizationEntity> find(where + " order by name, id", params)
                .range(0, size).list();
        return Page.of(rows, size, OrganizationService::view, OrganizationService::cursorOf);
    }

    /** The cursor that resumes {@link #list} after this organization. */
    public static String cursorOf(OrganizationView organization) {
        return Cursors.encode(organization.name(), organization.id().toString());
    }

    private static UUID parseUuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw Cursors.invalid();
        }
    }

    public OrganizationView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /** The organization if the caller may see it; otherwise 404, exactly as if it did not exist. */
    public OrganizationEntity visible(Caller caller, UUID id) {
        caller.requireTicketUser();
        if (caller.isClientOnly() && !id.equals(caller.organizationId())) {
            throw ProblemException.notFound("Organization " + id);
        }
        OrganizationEntity org = OrganizationEntity.findById(id);
        if (org == null) {
            throw ProblemException.notFound("Organization " + id);
        }
        return org;
    }

    @Transactional
    public OrganizationView create(Caller caller, @Valid @NotNull OrganizationInput input) {
        caller.requireSupervisor();
        if (OrganizationEntity.count("lower(name) = ?1", input.name().trim().toLowerCase()) > 0) {
            throw ProblemException.conflict("An organization named '" + input.name().trim() + "' already exists.");
        }
        OrganizationEntity org = new OrganizationEntity();
        org.id = UUID.randomUUID();
        org.name = input.name().trim();
        org.createdAt = clock.instant();
        org.emailDomains = normalizedDomains(input.emailDomains(), null);
        applyAgreement(org, input.agreement());
        org.persist();
        if (!org.emailDomains.isEmpty()) {
            caches.changed(OrganizationDirectory.CACHE);
        }
        return view(org);
    }

    private Set<String> normalizedDomains(List<String> domains, UUID self) {
        Set<String> result = new HashSet<>();
        if (domains == null) {
            return result;
        }
        for (String domain : domains) {
            String d = domain.trim().toLowerCase();
            long taken = OrganizationEntity.count(
                    "select count(o) from OrganizationEntity o join o.emailDomains d where d = :d"
                            + (self == null ? "" : " and o.id <> :self"),
                    self == null ? Parameters.with("d", d).map() : Parameters.with("d", d).and("self", self).map());
            if (taken > 0) {
                throw ProblemException.conflict("The e-mail domain " + d + " is registered to another organization.");
            }
            result.add(d);
        }
        return result;
    }

    private static void applyAgreement(OrganizationEntity org, AgreementInput agreement) {
        if (agreement == null) {
            org.coveredServices = new HashSet<>(EnumSet.allOf(ServiceLine.class));
            org.targetOverrides = new HashMap<>();
            return;
        }
        org.coveredServices.clear();
        org.coveredServices.addAll(agreement.coveredServices());
        org.targetOverrides.clear();
        if (agreement.targets() != null) {
            agreement.targets().forEach((priority, pair) -> {
                if (pair.response().isNegative() || pair.response().isZero()) {
                    throw ProblemException.invalid("agreement.targets." + priority + ".response", "must be positive");
                }
                if (pair.resolution().isNegative() || pair.resolution().isZero()) {
                    throw ProblemException.invalid("agreement.targets." + priority + ".resolution", "must be positive");
                }
                if (pair.resolution().compareTo(pair.response()) < 0) {
                    throw ProblemException.invalid("agreement.targets." + priority + ".resolution",
                            "must not be shorter than the response target");
                }
                org.targetOverrides.put(priority,
                        new TargetOverride(pair.response().toSeconds(), pair.resolution().toSeconds()));
            });
        }
    }

    @Transactional
    public OrganizationView putAgreement(Caller caller, UUID id, @Valid @NotNull AgreementInput input) {
        caller.requireSupervisor();
        OrganizationEntity org = visible(caller, id);
        applyAgreement(org, input);
        em.flush();
        OrganizationView view = view(org);
        // Open tickets' targets follow the agreement; their stored SLA columns must follow at once too.
        agreementChanged.fire(new AgreementChanged(org.id));
        return view;
    }

    @Transactional
    public MemberView addMember(Caller caller, UUID id, @Valid @NotNull MemberInput input) {
        caller.requireSupervisor();
        OrganizationEntity org = visible(caller, id);
        String email = input.email().trim().toLowerCase();
        MembershipEntity existing = MembershipEntity.findById(email);
        if (existing != null) {
            if (existing.organizationId.equals(org.id)) {
                return new MemberView(existing.email, existing.organizationId, existing.createdAt);
            }
            throw ProblemException.conflict(email + " is already a member of another organization.");
        }
        MembershipEntity member = new MembershipEntity();
        member.email = email;
        member.organizationId = org.id;
        member.createdAt = clock.instant();
        member.persist();
        caches.changed(OrganizationDirectory.CACHE);
        return new MemberView(member.email, member.organizationId, member.createdAt);
    }

    public List<MemberView> members(Caller caller, UUID id) {
        caller.requireStaff();
        OrganizationEntity org = visible(caller, id);
        List<MembershipEntity> rows = MembershipEntity.list("organizationId = ?1 order by email", org.id);
        List<MemberView> result = new ArrayList<>();
        for (MembershipEntity m : rows) {
            result.add(new MemberView(m.email, m.organizationId, m.createdAt));
        }
        return result;
    }

    public static OrganizationView view(OrganizationEntity org) {
        Map<Priority, TargetPair> targets = new EnumMap<>(Priority.class);
        org.targetOverridesSorted().forEach((p, t) -> targets.put(p,
                new TargetPair(Duration.ofSeconds(t.responseSeconds),
                        Duration.ofSeconds(t.resolutionSeconds))));
        return new OrganizationView(org.id, org.name, org.emailDomains.stream().sorted().toList(),
                new AgreementView(List.copyOf(org.coveredServicesSorted()), targets));
    }
}
