package org.eclipsesol.desk.ticket.app;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rating as recorded, and for a BAD rating of a ticket that can still be escalated (not closed) the offer to
 * escalate it ({@code escalation}: where to POST the reason); null otherwise.
 */
@Type("SatisfactionResult")
@Schema(name = "SatisfactionResult", description = "The rating as recorded; for BAD on a ticket that can still be escalated, the offer to escalate it.")
@Description("The rating as recorded; for BAD on a ticket that can still be escalated, the offer to escalate it.")
public record SatisfactionResult(@NonNull @Description("The rating as recorded.") SatisfactionView satisfaction,
        @Description("For a BAD rating of a ticket that can still be escalated, the offer to escalate it; null otherwise.") EscalationOffer escalation) {

    /** Where to escalate and a suggested reason. */
    @Type("EscalationOffer")
    @Description("An offer to escalate the ticket: escalateTicket (REST: POST {\"reason\"} to href).")
    @Schema(name = "EscalationOffer", description = "An offer to escalate: POST {\"reason\"} to href (GraphQL: escalateTicket).")
    public record EscalationOffer(
            @NonNull @Description("REST: POST {\"reason\"} here to escalate (GraphQL: escalateTicket).") String href,
            @NonNull @Description("A reason to propose to the client.") String suggestedReason) {
    }
}
