package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.OverrideInput;
import org.eclipsesol.desk.sla.app.PolicyService;
import org.eclipsesol.desk.sla.app.SlaCalculator;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * Overrides a ticket's targets ("times may vary based on the complexity of the issue"). The clocks are
 * re-derived from openedAt under the new targets; the reason is kept on the ticket and in its history.
 */
@ApplicationScoped
public class SlaOverrideService {

    @Inject
    Clock clock;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    SlaCalculator calculator;

    @Inject
    TicketSlaService sla;

    @Transactional
    public SlaView override(Caller caller, UUID ticketId, @Valid @NotNull OverrideInput input) {
        caller.requireSupervisor();
        if (input.response() == null && input.resolution() == null) {
            throw ProblemException.invalid("response", "give a response or a resolution target (or both)");
        }
        if (input.response() != null && !PolicyService.positive(input.response())) {
            throw ProblemException.invalid("response", "must be positive");
        }
        if (input.resolution() != null && !PolicyService.positive(input.resolution())) {
            throw ProblemException.invalid("resolution", "must be positive");
        }
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        if (ticket.status.isFinal()) {
            throw ProblemException.conflict("A " + ticket.status + " ticket keeps the SLA it was closed with.");
        }
        Instant now = clock.instant();
        SlaCalculator.ResolvedTargets before = calculator.targetsFor(TicketSlaService.subject(ticket));
        if (input.response() != null) {
            ticket.responseOverrideSeconds = input.response().toSeconds();
        }
        if (input.resolution() != null) {
            ticket.resolutionOverrideSeconds = input.resolution().toSeconds();
        }
        ticket.overrideReason = input.reason().trim();
        SlaCalculator.ResolvedTargets after = calculator.targetsFor(TicketSlaService.subject(ticket));
        history.record(ticket, caller, now, TicketEventType.SLA_OVERRIDDEN, "sla",
                before.response().target() + "/" + before.resolution().target(),
                after.response().target() + "/" + after.resolution().target(), ticket.overrideReason, false);
        ticket.updatedAt = now;
        sla.refresh(ticket, now);
        return sla.view(ticket, now);
    }
}
