package org.eclipsesol.desk.catalog;

import java.util.EnumSet;
import java.util.Set;

/** The ticket lifecycle (PRODUCT.md, "Ticket lifecycle"). */
public enum TicketStatus {

    NEW,
    IN_PROGRESS,
    WAITING_ON_CLIENT,
    RESOLVED,
    CLOSED,
    CANCELLED;

    /** The transitions the lifecycle allows, whoever asks; who may ask is decided by the ticket service. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING_ON_CLIENT, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CLIENT, RESOLVED);
            case WAITING_ON_CLIENT -> EnumSet.of(IN_PROGRESS);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED, CANCELLED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
