package org.eclipsesol.desk.sla.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the clocks of one ticket are derived from.
 *
 * @param openedAt when the ticket was opened: all clocks start here
 * @param changes phase changes in chronological order; the phase before the first one is {@link TicketPhase#OPEN};
 *        changes at or before {@code openedAt} take effect at {@code openedAt}, changes after the evaluation moment are
 *        ignored
 * @param firstResponseAt the first response the client could see, or {@code null}
 * @param excluded staff excluded the ticket from service levels
 */
public record TicketClockHistory(Instant openedAt, List<PhaseChange> changes, Instant firstResponseAt,
        boolean excluded) {

    /**
     * @throws IllegalArgumentException if the changes are not in chronological order
     */
    public TicketClockHistory {
        Objects.requireNonNull(openedAt, "openedAt");
        changes = List.copyOf(changes);
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).at().isBefore(changes.get(i - 1).at())) {
                throw new IllegalArgumentException("phase changes must be chronological: " + changes);
            }
        }
    }

    /** A ticket that has stayed open since {@code openedAt}, without response. */
    public static TicketClockHistory openedAt(Instant openedAt) {
        return new TicketClockHistory(openedAt, List.of(), null, false);
    }
}
