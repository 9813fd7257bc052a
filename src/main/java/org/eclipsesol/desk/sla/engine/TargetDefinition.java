package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * One target: how much clock time is allowed, on which clock, and from which share of it the target is at risk.
 *
 * @param target allowed clock time, not negative
 * @param clock the clock measuring it
 * @param atRiskShare share of the target in (0, 1] from which a running target is {@link TargetStatus#AT_RISK}
 */
public record TargetDefinition(Duration target, ServiceClock clock, double atRiskShare) {

    /** The policy default at-risk share. */
    public static final double DEFAULT_AT_RISK_SHARE = 0.75;

    public TargetDefinition {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(clock, "clock");
        if (target.isNegative()) {
            throw new IllegalArgumentException("negative target: " + target);
        }
        if (!(atRiskShare > 0 && atRiskShare <= 1)) {
            throw new IllegalArgumentException("atRiskShare must be in (0, 1]: " + atRiskShare);
        }
    }

    /** A target with the default at-risk share. */
    public static TargetDefinition of(Duration target, ServiceClock clock) {
        return new TargetDefinition(target, clock, DEFAULT_AT_RISK_SHARE);
    }

    /** The clock time from which the target is at risk: {@code atRiskShare * target}, rounded to the nanosecond. */
    public Duration atRiskThreshold() {
        if (atRiskShare == 1) {
            return target;
        }
        // Split seconds and nanos so that long targets keep full precision and cannot overflow.
        double seconds = target.getSeconds() * atRiskShare;
        long wholeSeconds = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - wholeSeconds) * 1e9 + target.getNano() * atRiskShare);
        return Duration.ofSeconds(wholeSeconds, nanos);
    }
}
