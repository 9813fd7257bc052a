package org.eclipsesol.desk.ticket.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to a ticket, stored in PostgreSQL (bytea, at most 10 MiB). */
@Entity
@Table(name = "attachment")
public class AttachmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Loaded only for downloads, never for listings. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
