package org.eclipsesol.desk.notify.data;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's opt-outs, by e-mail address (the address notices go to). */
@Entity
@Table(name = "notification_preference")
public class NotificationPreferenceEntity extends PanacheEntityBase {

    @Id
    public String email;

    /** Comma-separated notice kinds. */
    @Column(name = "opted_out")
    public String optedOut;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
