package org.eclipsesol.desk.intake.app;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an inbound e-mail did: TICKET_OPENED, COMMENT_ADDED, ESCALATED, or IGNORED (an automatic message);
 * {@code duplicate} on a redelivery.
 */
// Serialized only inside Response.entity(...): the native image needs it registered (docs/native.md).
@RegisterForReflection
public record IntakeResult(String outcome, UUID ticketId, String ticketNumber, boolean duplicate) {

    public static final String IGNORED = "IGNORED";
}
