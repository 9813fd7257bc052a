package org.eclipsesol.desk.escalation.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An escalation of a ticket to the supervisors: raised, acknowledged, closed. */
@Entity
@Table(name = "escalation")
public class EscalationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public int level;

    public String reason;

    /** CLIENT, STAFF, EMAIL or SLA_BREACH. */
    @Enumerated(EnumType.STRING)
    public EscalationSource source;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "raised_by_name")
    public String raisedByName;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** OPEN, ACKNOWLEDGED or CLOSED. */
    @Enumerated(EnumType.STRING)
    public EscalationStatus status;
}
