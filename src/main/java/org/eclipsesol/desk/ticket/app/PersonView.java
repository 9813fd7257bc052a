package org.eclipsesol.desk.ticket.app;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

/** A requester or assignee as shown on a ticket. */
@Type("Person")
@Description("A requester, assignee or author as shown on a ticket.")
public record PersonView(
        @Id @Description("The person's id (token subject); null for someone known only by e-mail, and for the system.") String id,
        @Description("The display name, when known.") String name,
        @Description("The e-mail address, when shown (requesters and assignees).") String email) {
}
