package org.eclipsesol.desk.sla.app;

/** Where a ticket's targets come from: the policy, the organization's agreement, or a supervisor's override. */
public enum TargetSource {
    POLICY,
    AGREEMENT,
    OVERRIDE
}
