package org.eclipsesol.desk.sla.app;

import java.time.Instant;
import java.util.Objects;

import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.TargetEvaluation;
import org.eclipsesol.desk.sla.engine.TargetStatus;

/**
 * The derived SLA figures a ticket keeps in its own columns for filtering, sorting and the monitor: a copy of
 * what the engine says, never a second source of truth.
 *
 * @param dueAt the earliest due moment of a running target, for sorting by urgency
 * @param nextCheckAt the next moment a target turns AT_RISK or BREACHED on its own (the monitor polls it)
 */
public record SlaState(TargetStatus responseStatus, TargetStatus resolutionStatus, Instant responseDueAt,
        Instant resolutionDueAt, Instant dueAt, Instant nextCheckAt) {

    /** The figures of {@code evaluation}, made at {@code now}. */
    public static SlaState of(SlaEvaluation evaluation, Instant now) {
        TargetEvaluation response = evaluation.response();
        TargetEvaluation resolution = evaluation.resolution();
        Instant next = evaluation.nextTransitionAt();
        if (next != null && !next.isAfter(now)) {
            // Never leave a moment that has already been evaluated due, or the monitor would pick it up forever.
            next = now.plusSeconds(1);
        }
        return new SlaState(response.status(), resolution.status(), response.dueAt(), resolution.dueAt(),
                earliest(runningDue(response), runningDue(resolution)), next);
    }

    /**
     * Whether these stored figures are what {@code evaluation} (a recomputation, e.g. from the event history)
     * says they should be. Due moments and the next check must match exactly; the statuses too, unless a moment
     * has passed that the monitor has not processed yet (the next check is due), in which case the stored
     * statuses may still show the state before it.
     */
    public boolean agreesWith(SlaEvaluation evaluation, Instant now) {
        TargetEvaluation response = evaluation.response();
        TargetEvaluation resolution = evaluation.resolution();
        boolean pending = nextCheckAt != null && !nextCheckAt.isAfter(now);
        boolean statuses = response.status() == responseStatus && resolution.status() == resolutionStatus;
        return Objects.equals(responseDueAt, response.dueAt())
                && Objects.equals(resolutionDueAt, resolution.dueAt())
                && Objects.equals(dueAt, earliest(runningDue(response), runningDue(resolution)))
                && (pending || (statuses && Objects.equals(nextCheckAt, evaluation.nextTransitionAt())));
    }

    private static Instant runningDue(TargetEvaluation e) {
        boolean running = e.metAt() == null && e.status() != TargetStatus.PAUSED && e.status() != TargetStatus.NOT_APPLICABLE;
        return running ? e.dueAt() : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
