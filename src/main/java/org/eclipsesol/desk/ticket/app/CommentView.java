package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A comment as the API shows it. */
@Type("Comment")
@Description("A comment on a ticket; internal notes (internal = true) are shown to staff only.")
public record CommentView(@NonNull @Id @Description("The comment's id.") UUID id,
        @NonNull @Id @Description("The ticket commented on.") UUID ticketId,
        @NonNull @Description("Who wrote it.") PersonView author,
        @NonNull @Description("Whether a staff member wrote it.") boolean staff,
        @NonNull @Description("The text.") String body,
        @NonNull @Description("An internal note; clients never receive these.") boolean internal,
        @NonNull @Description("When it was written.") Instant createdAt) {
}
