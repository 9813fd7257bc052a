package org.eclipsesol.desk.sla.engine;

/**
 * The kind of clock a service-level target is measured on.
 */
public enum ClockType {
    /** Every real second counts (after-hours support for critical issues). */
    TWENTY_FOUR_SEVEN,
    /** Only seconds inside the local business hours of a calendar count, holidays excluded. */
    BUSINESS_HOURS
}
