package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** Logged work; minutes outside business hours are {@code afterHoursMinutes} and billable. */
@Type("TimeEntry")
@Description("Work logged by staff; minutes outside business hours are afterHoursMinutes and billable.")
public record TimeEntryView(UUID id, UUID ticketId, PersonView author, Instant startedAt, Instant endedAt, String note,
        int minutes, int afterHoursMinutes, boolean billable) {
}
