package org.eclipsesol.desk.sla.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipsesol.desk.sla.engine.TargetKind;

/** A CDI event: a ticket's target turned AT_RISK or BREACHED (fired once per moment). */
@io.quarkus.runtime.annotations.RegisterForReflection
public record SlaAlertRaised(UUID ticketId, String ticketNumber, UUID organizationId, TargetKind target, String kind,
        Instant firedAt, Instant dueAt) {
}
