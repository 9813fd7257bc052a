package org.eclipsesol.desk.notify.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered webhook endpoint. */
@Entity
@Table(name = "webhook")
public class WebhookEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    /** Comma-separated event types. */
    public String events;

    @Column(name = "organization_id")
    public UUID organizationId;

    public boolean enabled;

    public String secret;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public List<String> eventList() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }
}
