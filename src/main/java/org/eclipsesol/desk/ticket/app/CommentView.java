package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

/** A comment as the API shows it. */
public record CommentView(UUID id, UUID ticketId, PersonView author, boolean staff, String body, boolean internal,
        Instant createdAt) {
}
