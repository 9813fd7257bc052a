package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Work done on a ticket, from start to end. */
public record TimeEntryInput(@NotNull Instant startedAt, @NotNull Instant endedAt, @Size(max = 2000) String note) {
}
