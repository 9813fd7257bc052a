package org.eclipsesol.desk.catalog;

/** Who or what raised an escalation. */
public enum EscalationSource {
    CLIENT,
    STAFF,
    EMAIL,
    SLA_BREACH
}
