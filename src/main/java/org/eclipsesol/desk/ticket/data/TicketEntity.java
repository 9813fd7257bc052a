package org.eclipsesol.desk.ticket.data;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.security.data.AppUserEntity;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A support ticket. Its SLA columns are derived data, maintained in the transaction of each change. */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Assigned by the database sequence on insert. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public OrganizationEntity organization;

    @Column(name = "requester_email")
    public String requesterEmail;

    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "requester_id")
    public String requesterId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public AppUserEntity assignee;

    public String title;

    public String description;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "steps_to_reproduce")
    public String stepsToReproduce;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public ServiceLine service;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "out_of_scope")
    public boolean outOfScope;

    @Enumerated(EnumType.STRING)
    public Exclusion exclusion;

    @Column(name = "exclusion_note")
    public String exclusionNote;

    public boolean escalated;

    @Version
    public int version;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "response_override_seconds")
    public Long responseOverrideSeconds;

    @Column(name = "resolution_override_seconds")
    public Long resolutionOverrideSeconds;

    @Column(name = "override_reason")
    public String overrideReason;

    /**
     * Status history as JSONB ({@code [{"at": ISO-instant, "phase": "OPEN"}, ...]}), written with each STATUS_CHANGED event.
     */
    @Column(name = "phase_log", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String phaseLog = "[]";

    @Column(name = "sla_response_status")
    public String slaResponseStatus;

    @Column(name = "sla_resolution_status")
    public String slaResolutionStatus;

    @Column(name = "sla_response_due_at")
    public Instant slaResponseDueAt;

    @Column(name = "sla_resolution_due_at")
    public Instant slaResolutionDueAt;

    /** Earliest due time of a running target, for sorting by urgency. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    /** The next moment a target turns AT_RISK or BREACHED on its own; the SLA monitor polls it. */
    @Column(name = "sla_next_check_at")
    public Instant slaNextCheckAt;

    /** SLA figures frozen at close or cancel (JSON). */
    @Column(name = "sla_final")
    public String slaFinal;

    // Reports at scale (issue 12): decided figures per target, null while the target is not met (V10).
    /** 0 for rows written before V10 until the backfill derived their figures; 1 once derived. */
    @Column(name = "sla_figures_version")
    public short slaFiguresVersion;

    @Column(name = "sla_response_on_time")
    public Boolean slaResponseOnTime;

    @Column(name = "sla_response_met_at")
    public Instant slaResponseMetAt;

    @Column(name = "sla_response_elapsed_us")
    public Long slaResponseElapsedMicros;

    @Column(name = "sla_response_calendar_us")
    public Long slaResponseCalendarMicros;

    @Column(name = "sla_resolution_on_time")
    public Boolean slaResolutionOnTime;

    @Column(name = "sla_resolution_met_at")
    public Instant slaResolutionMetAt;

    @Column(name = "sla_resolution_elapsed_us")
    public Long slaResolutionElapsedMicros;

    @Column(name = "sla_resolution_calendar_us")
    public Long slaResolutionCalendarMicros;

    /** When the SLA was last evaluated (refresh), whether its clocks ran then, and each target's clock time then (V10_3). */
    @Column(name = "sla_evaluated_at")
    public Instant slaEvaluatedAt;

    @Column(name = "sla_running")
    public Boolean slaRunning;

    @Column(name = "sla_response_elapsed_at_us")
    public Long slaResponseElapsedAtMicros;

    @Column(name = "sla_resolution_elapsed_at_us")
    public Long slaResolutionElapsedAtMicros;

    /** How many times the ticket was reopened (RESOLVED -> open again). */
    @Column(name = "reopen_count")
    public int reopenCount;

    // Satisfaction (issue 12, V10_1): one rating per ticket, by a client of its organization.
    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction_rating")
    public org.eclipsesol.desk.catalog.SatisfactionRating satisfactionRating;

    @Column(name = "satisfaction_comment")
    public String satisfactionComment;

    @Column(name = "satisfaction_rated_at")
    public Instant satisfactionRatedAt;

    @Column(name = "satisfaction_rated_by")
    public String satisfactionRatedBy;

    public String displayNumber() {
        return "T-" + number;
    }

    public boolean billable() {
        return outOfScope || exclusion != null;
    }

    /** The tickets with these ids (in no order), their organization and assignee loaded in the same statement. */
    public static List<TicketEntity> withOrganizationAndAssignee(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select t from TicketEntity t join fetch t.organization"
                + " left join fetch t.assignee where t.id in :ids", TicketEntity.class).setParameter("ids", ids)
                .getResultList();
    }
}
