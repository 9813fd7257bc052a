package org.eclipsesol.desk.sla.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;

/** The targets a ticket opened at {@code openedAt} would get. */
@Type("SlaQuote")
@Description("The targets a ticket opened at openedAt would get.")
public record QuoteView(Priority priority, Instant openedAt, int policyVersion, TargetSource targetSource,
        TargetView response, TargetView resolution) {
}
