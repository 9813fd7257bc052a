package org.eclipsesol.desk.sla.engine;

import java.time.Instant;

/**
 * Both targets of a ticket at the evaluation moment.
 */
public record SlaEvaluation(TargetEvaluation response, TargetEvaluation resolution) {

    /** The earlier of the two targets' {@link TargetEvaluation#nextTransitionAt()}; {@code null} if neither has one. */
    public Instant nextTransitionAt() {
        Instant a = response == null ? null : response.nextTransitionAt();
        Instant b = resolution == null ? null : resolution.nextTransitionAt();
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
