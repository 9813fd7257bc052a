package org.eclipsesol.desk.sla.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipsesol.desk.sla.engine.TargetKind;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A CDI event: a ticket's target turned AT_RISK or BREACHED (fired once per moment). */
@RegisterForReflection
public record SlaAlertRaised(UUID ticketId, String ticketNumber, UUID organizationId, TargetKind target, AlertKind kind,
        Instant firedAt, Instant dueAt) {
}
