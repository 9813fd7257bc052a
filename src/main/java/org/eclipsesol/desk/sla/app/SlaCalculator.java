package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.customer.data.TargetOverride;
import org.eclipsesol.desk.sla.engine.ServiceClock;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.SlaEvaluator;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TicketPhase;

/**
 * Bridges the plain-Java SLA engine and the policy data: which targets apply (override, agreement, policy),
 * and what the engine makes of a ticket's history. Knows nothing of how tickets are stored.
 */
@ApplicationScoped
public class SlaCalculator {

    @Inject
    SlaPolicies policies;

    /** Targets for a ticket: per-ticket override, else the organization's agreement, else the policy. */
    public ResolvedTargets targetsFor(PolicySnapshot policy, Priority priority, OrganizationEntity org, Long responseOverride,
            Long resolutionOverride) {
        PolicyTarget base = policy.target(priority);
        Duration response = base.response();
        Duration resolution = base.resolution();
        TargetSource source = TargetSource.POLICY;
        TargetOverride agreement = org == null ? null : org.targetOverrides.get(priority);
        if (agreement != null) {
            response = Duration.ofSeconds(agreement.responseSeconds);
            resolution = Duration.ofSeconds(agreement.resolutionSeconds);
            source = TargetSource.AGREEMENT;
        }
        if (responseOverride != null || resolutionOverride != null) {
            response = responseOverride != null ? Duration.ofSeconds(responseOverride) : response;
            resolution = resolutionOverride != null ? Duration.ofSeconds(resolutionOverride) : resolution;
            source = TargetSource.OVERRIDE;
        }
        ServiceClock serviceClock = policies.clockFor(policy, base.clock());
        double share = policy.atRiskFraction();
        return new ResolvedTargets(policy, new TargetDefinition(response, serviceClock, share),
                new TargetDefinition(resolution, serviceClock, share), source);
    }

    public ResolvedTargets targetsFor(SlaSubject subject) {
        return targetsFor(policies.policy(subject.policyVersion()), subject.priority(), subject.organization(),
                subject.responseOverrideSeconds(), subject.resolutionOverrideSeconds());
    }

    public record ResolvedTargets(PolicySnapshot policy, TargetDefinition response, TargetDefinition resolution,
            TargetSource source) {
    }

    /** The clock phase a ticket status stands for: waiting on the client pauses, resolving stops the clocks. */
    public static TicketPhase phaseOf(TicketStatus status) {
        return switch (status) {
            case NEW, IN_PROGRESS -> TicketPhase.OPEN;
            case WAITING_ON_CLIENT -> TicketPhase.WAITING;
            case RESOLVED -> TicketPhase.RESOLVED;
            case CLOSED -> TicketPhase.CLOSED;
            case CANCELLED -> TicketPhase.CANCELLED;
        };
    }

    public SlaEvaluation evaluate(SlaSubject subject, Instant now) {
        return evaluate(targetsFor(subject), subject.history(), now);
    }

    public static SlaEvaluation evaluate(ResolvedTargets targets, TicketClockHistory history, Instant now) {
        return SlaEvaluator.evaluate(history, targets.response(), targets.resolution(), now);
    }

    /** The live SLA of a subject at {@code now}. */
    public SlaView view(SlaSubject subject, Instant now) {
        ResolvedTargets targets = targetsFor(subject);
        return view(subject, targets, evaluate(targets, subject.history(), now), false);
    }

    public static SlaView view(SlaSubject subject, ResolvedTargets targets, SlaEvaluation evaluation, boolean frozen) {
        return new SlaView(subject.policyVersion(), TargetView.of(evaluation.response()),
                TargetView.of(evaluation.resolution()),
                targets.source(), subject.overrideReason(), frozen);
    }
}
