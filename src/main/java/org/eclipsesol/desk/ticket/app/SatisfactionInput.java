package org.eclipsesol.desk.ticket.app;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipsesol.desk.catalog.SatisfactionRating;

/** A rating: GOOD or BAD, with an optional comment. */
@Input("SatisfactionInput")
@Description("A rating: GOOD or BAD, with an optional comment.")
public record SatisfactionInput(@NotNull @Description("GOOD or BAD.") SatisfactionRating rating,
        @Size(max = 2000) @Description("An optional comment.") String comment) {
}
