package org.eclipsesol.desk.escalation.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Why the ticket is escalated (not resolved in time, not satisfied, ...). */
@Input("EscalationInput")
@Description("Why the ticket is escalated (not resolved in time, not satisfied, ...).")
public record EscalationInput(@NotBlank @Size(max = 2000) @Description("Why the ticket is escalated.") String reason) {
}
