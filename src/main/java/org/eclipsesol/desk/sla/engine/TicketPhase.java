package org.eclipsesol.desk.sla.engine;

/**
 * The ticket states as far as the clocks care. Callers map NEW and IN_PROGRESS to {@link #OPEN} and
 * WAITING_ON_CLIENT to {@link #WAITING}.
 */
public enum TicketPhase {

    /** Clocks run. */
    OPEN,
    /** Waiting on the client: running clocks pause. */
    WAITING,
    /** Resolved: the resolution clock stops (and resumes on reopen). */
    RESOLVED,
    /** Closed: like resolved. */
    CLOSED,
    /** Cancelled: clocks stop; a ticket cancelled at evaluation time has no applicable targets. */
    CANCELLED;

    /** Whether the ticket counts as resolved in this phase (the resolution target is met while it stays so). */
    public boolean isResolved() {
        return this == RESOLVED || this == CLOSED;
    }
}
