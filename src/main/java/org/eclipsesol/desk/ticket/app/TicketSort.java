package org.eclipsesol.desk.ticket.app;

/** List orders. Every order ends with the ticket number (UPDATED: the id), so paging is stable. */
public enum TicketSort {
    /** Newest first (default). */
    NEWEST,
    /** Oldest first: new tickets appear on later pages. */
    OLDEST,
    /** Earliest SLA due time first; tickets without a running clock last. */
    DUE,
    /**
     * With {@code q} (its default): best full-text match first (an exact ticket number on top), then newest, among the
     * newest 1,000 matches; the older matches follow newest first. Without q, newest.
     */
    RELEVANCE,
    /**
     * Oldest change first, by (updatedAt, id): for incremental sync with {@code updatedSince}. A ticket changed while
     * a client pages moves to the end and comes again; none is skipped.
     */
    UPDATED
}
