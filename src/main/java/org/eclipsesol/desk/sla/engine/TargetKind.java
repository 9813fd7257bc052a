package org.eclipsesol.desk.sla.engine;

/**
 * The two targets a ticket is measured against.
 */
public enum TargetKind {
    /** Time to the first response the client can see. */
    RESPONSE,
    /** Time to the (last) resolution. */
    RESOLUTION
}
