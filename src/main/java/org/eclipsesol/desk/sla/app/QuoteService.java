package org.eclipsesol.desk.sla.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;

/** What a ticket opened at a given moment would get, before it exists. */
@ApplicationScoped
public class QuoteService {

    @Inject
    Clock clock;

    @Inject
    SlaPolicies policies;

    @Inject
    SlaCalculator calculator;

    public QuoteView quote(Caller caller, Priority priority, Instant openedAt, UUID organizationId) {
        org.eclipsesol.desk.common.Instants.inRange("openedAt", openedAt);
        caller.requireTicketUser();
        if (priority == null) {
            throw ProblemException.invalid("priority", "is required");
        }
        Instant at = openedAt == null ? clock.instant() : openedAt;
        OrganizationEntity org = null;
        UUID orgId = caller.isClientOnly()
                ? (organizationId == null ? caller.organizationId() : organizationId)
                : organizationId;
        if (orgId != null) {
            if (caller.isClientOnly() && !orgId.equals(caller.organizationId())) {
                throw ProblemException.notFound("Organization " + orgId);
            }
            org = OrganizationEntity.findById(orgId);
            if (org == null) {
                throw ProblemException.notFound("Organization " + orgId);
            }
        }
        PolicySnapshot policy = policies.policyInForceAt(at);
        SlaCalculator.ResolvedTargets targets = calculator.targetsFor(policy, priority, org, null, null);
        // A quote is the evaluation of a ticket opened then, seen at the moment it is opened.
        SlaEvaluation e = SlaCalculator.evaluate(targets, TicketClockHistory.openedAt(at), at);
        return new QuoteView(priority, at, policy.version(), targets.source(), TargetView.of(e.response()),
                TargetView.of(e.resolution()));
    }
}
