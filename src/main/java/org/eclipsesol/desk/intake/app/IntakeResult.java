package org.eclipsesol.desk.intake.app;

import java.util.UUID;

/**
 * What an inbound e-mail did: TICKET_OPENED, COMMENT_ADDED, ESCALATED, or IGNORED (an automatic message);
 * {@code duplicate} on a redelivery.
 */
public record IntakeResult(String outcome, UUID ticketId, String ticketNumber, boolean duplicate) {

    public static final String IGNORED = "IGNORED";
}
