package org.eclipsesol.desk.ticket.app;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rating as recorded, and for a BAD rating of a ticket that can still be escalated (not closed) the offer to
 * escalate it ({@code escalation}: where to POST the reason); null otherwise.
 */
@Type("SatisfactionResult")
@Schema(name = "SatisfactionResult", description = "The rating as recorded; for BAD on a ticket that can still be escalated, the offer to escalate it.")
@Description("The rating as recorded; for BAD on a ticket that can still be escalated, the offer to escalate it.")
public record SatisfactionResult(SatisfactionView satisfaction, EscalationOffer escalation) {

    /** Where to escalate and a suggested reason. */
    @Type("EscalationOffer")
    @Schema(name = "EscalationOffer", description = "An offer to escalate: POST {\"reason\"} to href (GraphQL: escalateTicket).")
    public record EscalationOffer(String href, String suggestedReason) {
    }
}
