package org.eclipsesol.desk.ticket.app;

/** A requester or assignee as shown on a ticket. */
public record PersonView(String id, String name, String email) {
}
