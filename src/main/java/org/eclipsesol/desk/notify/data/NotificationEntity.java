package org.eclipsesol.desk.notify.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One row of the outbox: an e-mail notice or a webhook delivery, with its delivery state. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public UUID id;

    public String channel;

    public String kind;

    public String recipient;

    public String subject;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "webhook_id")
    public UUID webhookId;

    public String ref;

    public String params;

    public String payload;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    public String refs;

    public String status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
