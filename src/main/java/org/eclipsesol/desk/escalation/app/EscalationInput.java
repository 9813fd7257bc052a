package org.eclipsesol.desk.escalation.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the ticket is escalated (not resolved in time, not satisfied, ...). */
public record EscalationInput(@NotBlank @Size(max = 2000) String reason) {
}
