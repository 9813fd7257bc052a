package org.eclipsesol.desk.sla.data;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A date in the policy's time zone on which no business-hours clock counts. */
@Entity
@Table(name = "holiday")
public class HolidayEntity extends PanacheEntityBase {

    @Id
    public LocalDate date;

    public String name;
}
