package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** A comment as the API shows it. */
@Type("Comment")
@Description("A comment on a ticket; internal notes (internal = true) are shown to staff only.")
public record CommentView(UUID id, UUID ticketId, PersonView author, boolean staff, String body,
        @Description("An internal note; clients never receive these.") boolean internal,
        Instant createdAt) {
}
