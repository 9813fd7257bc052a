package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.SatisfactionRating;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * Satisfaction (PRODUCT.md "Satisfaction"): a client of the ticket's organization rates a RESOLVED ticket, or a CLOSED
 * one within 7 days of its closing, GOOD or BAD with an optional comment, once (a second rating is 409). A BAD rating
 * of a ticket that can still be escalated comes back with the offer to escalate. Staff see every rating; a client
 * sees only the rating they gave.
 */
@ApplicationScoped
public class SatisfactionService {

    static final Duration AFTER_CLOSING = Duration.ofDays(7);
    static final String NOT_SATISFIED = "Not satisfied with the support provided";

    @Inject
    Clock clock;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    Event<TicketChanged> changes;

    @Transactional
    public SatisfactionResult rate(Caller caller, UUID ticketId, @Valid @NotNull SatisfactionInput input) {
        caller.requireTicketUser();
        if (caller.isStaff()) {
            throw ProblemException.forbidden("Only the client may rate a ticket.");
        }
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        Instant now = clock.instant();
        boolean resolved = ticket.status == TicketStatus.RESOLVED;
        boolean recentlyClosed = ticket.status == TicketStatus.CLOSED && ticket.closedAt != null
                && !ticket.closedAt.plus(AFTER_CLOSING).isBefore(now);
        if (!resolved && !recentlyClosed) {
            throw ProblemException.conflict("A ticket can be rated once it is resolved, and up to 7 days after it is closed;"
                    + " this one is " + ticket.status + ".");
        }
        if (ticket.satisfactionRating != null) {
            throw ProblemException.conflict("This ticket has already been rated.");
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        ticket.satisfactionRating = input.rating();
        ticket.satisfactionComment = comment;
        ticket.satisfactionRatedAt = now;
        ticket.satisfactionRatedBy = caller.id();
        ticket.updatedAt = now;
        history.record(ticket, caller, now, TicketEventType.SATISFACTION_RATED, "satisfaction", null, input.rating(), comment,
                false);
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, TicketChanged.What.UPDATED));
        SatisfactionResult.EscalationOffer offer = input.rating() == SatisfactionRating.BAD && !ticket.status.isFinal()
                ? new SatisfactionResult.EscalationOffer("/api/v1/tickets/" + ticket.id + "/escalations", NOT_SATISFIED)
                : null;
        return new SatisfactionResult(view(ticket), offer);
    }

    /** The ticket's rating as {@code caller} may see it: staff always, a client only their own; else null. */
    public static SatisfactionView view(Caller caller, TicketEntity ticket) {
        if (ticket.satisfactionRating == null) {
            return null;
        }
        if (caller != null && !caller.isStaff() && !caller.id().equals(ticket.satisfactionRatedBy)) {
            return null;
        }
        return view(ticket);
    }

    private static SatisfactionView view(TicketEntity ticket) {
        return new SatisfactionView(ticket.satisfactionRating, ticket.satisfactionComment, ticket.satisfactionRatedAt);
    }
}
