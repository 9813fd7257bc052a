package org.eclipsesol.desk.customer.data;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client organization with its registered e-mail domains and its support agreement. */
@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "organization_email_domain", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "domain")
    public Set<String> emailDomains = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "agreement_covered_service", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "service")
    @Enumerated(EnumType.STRING)
    public Set<ServiceLine> coveredServices = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "agreement_target_override", joinColumns = @JoinColumn(name = "organization_id"))
    @MapKeyColumn(name = "priority")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<Priority, TargetOverride> targetOverrides = new HashMap<>();

    public boolean covers(ServiceLine service) {
        return coveredServices.contains(service);
    }

    public Set<ServiceLine> coveredServicesSorted() {
        return coveredServices.isEmpty() ? EnumSet.noneOf(ServiceLine.class) : EnumSet.copyOf(coveredServices);
    }

    public Map<Priority, TargetOverride> targetOverridesSorted() {
        return targetOverrides.isEmpty() ? new EnumMap<>(Priority.class) : new EnumMap<>(targetOverrides);
    }
}
