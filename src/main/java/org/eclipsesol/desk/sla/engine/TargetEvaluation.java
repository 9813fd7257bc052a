package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * State of one target at the evaluation moment.
 *
 * @param status the status
 * @param target allowed clock time
 * @param clock the kind of clock measuring it
 * @param elapsed clock time counted so far (up to the moment the target was met, if it was)
 * @param remaining {@code target - elapsed}, negative when overdue
 * @param dueAt when the elapsed time reaches (or reached) the target if the clock keeps running; {@code null} while
 *        paused and for {@link TargetStatus#NOT_APPLICABLE}; for a met target, the due moment as it stood when met
 * @param metAt when the target was met, or {@code null}
 * @param atRiskAt when the elapsed time reaches (or reached) the at-risk share; {@code null} unless the clock is
 *        running
 */
public record TargetEvaluation(TargetStatus status, Duration target, ClockType clock, Duration elapsed,
        Duration remaining, Instant dueAt, Instant metAt, Instant atRiskAt) {

    /**
     * The next moment at which the status changes by itself (without a new event): {@code atRiskAt} when
     * {@link TargetStatus#ON_TRACK}, {@code dueAt} when {@link TargetStatus#AT_RISK}, otherwise {@code null}.
     */
    public Instant nextTransitionAt() {
        return switch (status) {
            case ON_TRACK -> atRiskAt;
            case AT_RISK -> dueAt;
            default -> null;
        };
    }
}
