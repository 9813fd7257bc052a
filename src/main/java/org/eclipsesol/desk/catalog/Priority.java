package org.eclipsesol.desk.catalog;

/** Ticket priority; it selects the SLA targets and clock. */
public enum Priority {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
