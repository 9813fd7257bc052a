package org.eclipsesol.desk.ticket.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A public comment or an internal note (staff only, never shown to clients). */
@Entity
@Table(name = "ticket_comment")
public class CommentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_staff")
    public boolean authorStaff;

    public String body;

    public boolean internal;

    @Column(name = "created_at")
    public Instant createdAt;
}
