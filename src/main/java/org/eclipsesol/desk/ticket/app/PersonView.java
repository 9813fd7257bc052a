package org.eclipsesol.desk.ticket.app;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** A requester or assignee as shown on a ticket. */
@Type("Person")
@Description("A requester, assignee or author as shown on a ticket.")
public record PersonView(String id, String name, String email) {
}
