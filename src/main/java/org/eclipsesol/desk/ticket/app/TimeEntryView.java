package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Logged work; minutes outside business hours are {@code afterHoursMinutes} and billable. */
@Type("TimeEntry")
@Description("Work logged by staff; minutes outside business hours are afterHoursMinutes and billable.")
public record TimeEntryView(@NonNull @Id @Description("The time entry's id.") UUID id,
        @NonNull @Id @Description("The ticket the work was done on.") UUID ticketId,
        @NonNull @Description("Who did the work.") PersonView author,
        @NonNull @Description("When the work started.") Instant startedAt,
        @NonNull @Description("When the work ended.") Instant endedAt,
        @Description("What was done, if noted.") String note,
        @NonNull @Description("Minutes worked.") int minutes,
        @NonNull @Description("Of those, the minutes outside business hours.") int afterHoursMinutes,
        @NonNull @Description("Whether the work is billed (out of scope, excluded, or after hours).") boolean billable) {
}
