package org.eclipsesol.desk.ticket.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** A comment; {@code internal} (staff only) makes it a note clients never see. */
@Input("CommentInput")
@Description("A comment; internal = true (staff only) makes it a note clients never see.")
public record CommentInput(@NotBlank @Size(max = 20000) @Description("The text.") String body,
        @Description("True (staff only) for an internal note clients never see; default false.") Boolean internal) {

    public boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }
}
