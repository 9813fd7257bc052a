package org.eclipsesol.desk.security.data;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person seen in a token: the id is the token subject. */
@Entity
@Table(name = "app_user")
public class AppUserEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String email;

    /** Comma-separated role names as last seen. */
    public String roles;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public boolean isStaff() {
        return roles != null && (roles.contains("technician") || roles.contains("supervisor"));
    }
}
