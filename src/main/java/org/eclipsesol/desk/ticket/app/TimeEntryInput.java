package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Work done on a ticket, from start to end. */
@Input("TimeEntryInput")
@Description("Work done on a ticket, from startedAt to endedAt (at most 24 hours).")
public record TimeEntryInput(@NotNull @Description("When the work started.") Instant startedAt,
        @NotNull @Description("When it ended: after startedAt, at most 24 hours later.") Instant endedAt,
        @Size(max = 2000) @Description("What was done.") String note) {
}
