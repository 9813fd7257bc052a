package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/** Maps ticket entities to the view the API shows, with their live SLA and open escalation. */
@ApplicationScoped
public class TicketViews {

    @Inject
    TicketSlaService sla;

    @Inject
    OpenEscalations escalations;

    public TicketView view(Caller caller, TicketEntity t, Instant now) {
        return view(caller, t, now, t.escalated ? escalations.of(List.of(t.id)).get(t.id) : null);
    }

    /** Views of a page of tickets: the open escalations of all of them are read in one statement. */
    public List<TicketView> views(Caller caller, List<TicketEntity> tickets, Instant now) {
        Map<UUID, EscalationSummary> open = escalations.of(tickets.stream().filter(t -> t.escalated).map(t -> t.id).toList());
        return tickets.stream().map(t -> view(caller, t, now, open.get(t.id))).toList();
    }

    private TicketView view(Caller caller, TicketEntity t, Instant now, EscalationSummary escalation) {
        boolean staff = caller == null || caller.isStaff();
        PersonView assignee = t.assignee == null ? null : new PersonView(t.assignee.id, t.assignee.name, t.assignee.email);
        return new TicketView(t.id, t.displayNumber(), t.title, t.description, t.errorMessage, t.stepsToReproduce, t.priority,
                t.service, t.category, t.channel, t.status, new OrganizationRef(t.organization.id, t.organization.name),
                new PersonView(t.requesterId, t.requesterName, t.requesterEmail), assignee, t.openedAt, t.createdAt,
                t.updatedAt, t.firstResponseAt, t.resolvedAt, t.closedAt, t.escalated, escalation, t.exclusion,
                staff ? t.exclusionNote : null, t.outOfScope, t.billable(), sla.view(t, now), t.version,
                SatisfactionService.view(caller, t));
    }
}
