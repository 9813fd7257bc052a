package org.eclipsesol.desk.sla.app;

import java.time.Instant;

import org.eclipsesol.desk.catalog.Priority;

/** The targets a ticket opened at {@code openedAt} would get. */
public record QuoteView(Priority priority, Instant openedAt, int policyVersion, String targetSource,
        TargetView response, TargetView resolution) {
}
