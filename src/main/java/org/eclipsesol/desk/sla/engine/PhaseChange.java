package org.eclipsesol.desk.sla.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * The ticket entered {@code phase} at {@code at}.
 */
public record PhaseChange(Instant at, TicketPhase phase) {

    public PhaseChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(phase, "phase");
    }
}
