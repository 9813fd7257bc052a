package org.eclipsesol.desk.sla.engine;

/**
 * What happened to a target's clock during a {@link TimelineSegment}.
 */
public enum SegmentKind {
    /** The clock ran: open ticket, inside business hours (always, for a 24/7 clock). */
    COUNTING,
    /** Open ticket outside business hours or on a holiday: nothing counted. */
    OUTSIDE_HOURS,
    /** Waiting on the client: the clock was paused. */
    PAUSED,
    /** The ticket was resolved, closed or cancelled: the clock was stopped. */
    RESOLVED
}
