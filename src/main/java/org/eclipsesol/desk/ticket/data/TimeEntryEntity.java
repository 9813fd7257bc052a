package org.eclipsesol.desk.ticket.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Work logged on a ticket; minutes outside business hours are after-hours and billable. */
@Entity
@Table(name = "time_entry")
public class TimeEntryEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String note;

    public int minutes;

    @Column(name = "after_hours_minutes")
    public int afterHoursMinutes;

    @Column(name = "created_at")
    public Instant createdAt;
}
