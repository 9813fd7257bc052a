package org.eclipsesol.desk.sla.engine;

/**
 * Status of one service-level target of a ticket at a given moment.
 */
public enum TargetStatus {
    /** Running and below the at-risk share of the target. */
    ON_TRACK,
    /** Running, at or past the at-risk share, not yet due. */
    AT_RISK,
    /** Not met, not breached, the clock is stopped while waiting on the client. */
    PAUSED,
    /** Past due and unmet, or met late. */
    BREACHED,
    /** Met in time. */
    MET,
    /** The ticket is excluded from service levels or cancelled. */
    NOT_APPLICABLE
}
