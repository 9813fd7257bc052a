package org.eclipsesol.desk.sla.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import org.eclipsesol.desk.catalog.Priority;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published SLA policy version. Rows are never updated: a change is a new version. */
@Entity
@Immutable
@Table(name = "sla_policy")
public class SlaPolicyEntity extends PanacheEntityBase {

    @Id
    public int version;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "at_risk_share")
    public BigDecimal atRiskShare;

    /** JSONB: {@code [{"day": "MONDAY", "from": "09:00", "to": "17:00"}, ...]}, local wall-clock intervals. */
    @Column(name = "business_hours", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String businessHours;

    public String note;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_policy_target", joinColumns = @JoinColumn(name = "version"))
    @MapKeyColumn(name = "priority")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<Priority, PolicyTargetEmbeddable> targets = new HashMap<>();
}
