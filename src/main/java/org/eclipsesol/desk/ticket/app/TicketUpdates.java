package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.data.AppUserEntity;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * Changing a ticket (PATCH / updateTicket): who may change which field, validation before any change, and one
 * history event per field that really differs.
 */
@ApplicationScoped
public class TicketUpdates {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    TicketLifecycle lifecycle;

    @Inject
    TicketSlaService sla;

    @Inject
    TicketViews views;

    @Inject
    Event<TicketChanged> changes;

    @Transactional
    public TicketView patch(Caller caller, UUID id, @Valid @NotNull TicketPatch patch, Integer expectedVersion) {
        TicketEntity ticket = access.forUpdate(caller, id);
        if (expectedVersion != null && expectedVersion != ticket.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The ticket was changed since you read it (your version " + expectedVersion + ", current "
                            + ticket.version + "); reload it and retry.");
        }
        if (patch.isEmpty()) {
            throw ProblemException.badRequest("The request changes nothing: give at least one field to change.");
        }
        if (!caller.isStaff() && (patch.priority() != null || patch.assigneeId() != null || patch.service() != null
                || patch.category() != null || patch.exclusion() != null)) {
            throw ProblemException.forbidden("Clients may only confirm, cancel or reopen their tickets.");
        }
        Instant now = clock.instant();
        // Validate everything before changing anything, so a refused request changes nothing.
        AppUserEntity newAssignee = patch.assigneeId() == null
                ? null
                : resolveAssignee(caller, patch.assigneeId().orElse(null));
        if (patch.priority() != null && patch.priority() != ticket.priority
                && (patch.reason() == null || patch.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required when the priority changes");
        }
        Exclusion newExclusion = patch.exclusion() == null ? null : patch.exclusion().orElse(null);
        if (newExclusion != null && (patch.exclusionNote() == null || patch.exclusionNote().isBlank())) {
            throw ProblemException.invalid("exclusionNote", "is required when marking an exclusion");
        }
        if (patch.status() != null && patch.status() != ticket.status) {
            lifecycle.checkTransition(caller, ticket, patch.status(), now);
        }

        // Only what differs is a change; a request that changes nothing leaves the ticket (and its version) alone.
        boolean changed = false;
        if (patch.priority() != null && patch.priority() != ticket.priority) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.PRIORITY_CHANGED, "priority", ticket.priority, patch.priority(),
                    patch.reason().trim(), false);
            ticket.priority = patch.priority();
        }
        if (patch.assigneeId() != null) {
            String before = ticket.assignee == null ? null : ticket.assignee.id;
            String after = newAssignee == null ? null : newAssignee.id;
            if (before == null ? after != null : !before.equals(after)) {
                changed = true;
                history.record(ticket, caller, now, TicketEventType.ASSIGNED, "assigneeId", before, after, null, false);
                ticket.assignee = newAssignee;
            }
        }
        if (patch.service() != null && patch.service() != ticket.service) {
            changed = true;
            boolean outOfScope = !ticket.organization.covers(patch.service());
            history.record(ticket, caller, now, TicketEventType.SERVICE_CHANGED, "service", ticket.service, patch.service(),
                    outOfScope ? "not covered by the agreement: out of scope, billable" : null, false);
            ticket.service = patch.service();
            ticket.outOfScope = outOfScope;
        }
        if (patch.category() != null && patch.category() != ticket.category) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.CATEGORY_CHANGED, "category", ticket.category,
                    patch.category(), null, false);
            ticket.category = patch.category();
        }
        if (patch.exclusion() != null && newExclusion != ticket.exclusion) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.EXCLUSION_CHANGED, "exclusion", ticket.exclusion, newExclusion,
                    newExclusion == null ? null : patch.exclusionNote().trim(), false);
            ticket.exclusion = newExclusion;
            ticket.exclusionNote = newExclusion == null ? null : patch.exclusionNote().trim();
        }
        if (patch.status() != null && patch.status() != ticket.status) {
            changed = true;
            lifecycle.applyStatus(caller, ticket, patch.status(), now);
        }
        if (!changed) {
            return views.view(caller, ticket, now);
        }
        ticket.updatedAt = now;
        sla.refresh(ticket, now);
        em.flush();
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, What.UPDATED));
        return views.view(caller, ticket, now);
    }

    private AppUserEntity resolveAssignee(Caller caller, String assigneeId) {
        if (assigneeId == null) {
            if (!caller.isSupervisor()) {
                throw ProblemException.forbidden("Only a supervisor may unassign a ticket.");
            }
            return null;
        }
        if (!caller.isSupervisor() && !assigneeId.equals(caller.id())) {
            throw ProblemException.forbidden("Technicians may assign tickets to themselves only.");
        }
        AppUserEntity user = AppUserEntity.findById(assigneeId);
        if (user == null || !user.isStaff()) {
            throw ProblemException.invalid("assigneeId", "is not a known technician or supervisor");
        }
        return user;
    }
}
