package org.eclipsesol.desk.ticket.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a ticket's history: who, when, what, before and after. Append-only. */
@Entity
@Table(name = "ticket_event")
public class TicketEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    public TicketEventType type;

    public String field;

    public String before;

    public String after;

    public String detail;

    /** Internal events (internal notes, time entries, exclusion notes) are never shown to clients. */
    public boolean internal;
}
