package org.eclipsesol.desk.customer.data;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An explicit membership of a person (by e-mail) in an organization; it wins over the domain match. */
@Entity
@Table(name = "membership")
public class MembershipEntity extends PanacheEntityBase {

    @Id
    public String email;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "created_at")
    public Instant createdAt;
}
