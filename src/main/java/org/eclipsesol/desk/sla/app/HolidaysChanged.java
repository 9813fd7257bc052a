package org.eclipsesol.desk.sla.app;

/**
 * A CDI event, fired synchronously in the transaction that replaced the holiday list: business-hours clocks
 * changed, so whoever keeps derived SLA figures must re-derive them before the transaction commits.
 */
public record HolidaysChanged() {
}
