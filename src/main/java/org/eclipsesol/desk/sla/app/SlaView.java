package org.eclipsesol.desk.sla.app;

/**
 * A ticket's SLA: the policy version it is pinned to, both targets, and where the targets came from
 * ({@code POLICY}, {@code AGREEMENT} or {@code OVERRIDE}, with the supervisor's reason).
 */
public record SlaView(int policyVersion, TargetView response, TargetView resolution, TargetSource targetSource,
        String overrideReason, boolean frozen) {
}
