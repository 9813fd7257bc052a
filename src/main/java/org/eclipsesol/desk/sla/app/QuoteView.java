package org.eclipsesol.desk.sla.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;

/** The targets a ticket opened at {@code openedAt} would get. */
@Type("SlaQuote")
@Description("The targets a ticket opened at openedAt would get.")
public record QuoteView(@NonNull @Description("The priority quoted.") Priority priority,
        @NonNull @Description("The opening moment quoted.") Instant openedAt,
        @NonNull @Description("The policy version the ticket would be pinned to.") int policyVersion,
        @NonNull @Description("Where the targets come from: POLICY or AGREEMENT.") TargetSource targetSource,
        @NonNull @Description("The response target.") TargetView response,
        @NonNull @Description("The resolution target.") TargetView resolution) {
}
