package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.catalog.SatisfactionRating;

/** A client's rating of a ticket. */
@Type("Satisfaction")
@Schema(name = "Satisfaction", description = "A client's rating of a ticket: GOOD or BAD, an optional comment, when.")
@Description("A client's rating of a ticket: GOOD or BAD, an optional comment, when.")
public record SatisfactionView(@NonNull @Description("GOOD or BAD.") SatisfactionRating rating,
        @Description("The client's comment, if any.") String comment,
        @NonNull @Description("When the rating was given.") Instant ratedAt) {
}
