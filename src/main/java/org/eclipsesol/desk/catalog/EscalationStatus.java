package org.eclipsesol.desk.catalog;

/** An escalation is raised OPEN, acknowledged by a supervisor, and CLOSED by one. */
public enum EscalationStatus {
    OPEN,
    ACKNOWLEDGED,
    CLOSED
}
