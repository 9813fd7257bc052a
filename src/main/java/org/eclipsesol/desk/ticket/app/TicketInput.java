package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;

/** A new ticket. {@code organizationId}, {@code requesterEmail} and {@code openedAt} are for staff only. */
@Schema(description = "A new ticket. organizationId, requesterEmail and openedAt are accepted from staff only.")
@Input("TicketInput")
@Description("A new ticket. organizationId, requesterEmail and openedAt are accepted from staff only.")
public record TicketInput(
        @Schema(examples = "VPN drops every 10 minutes") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "Since this morning the office VPN disconnects every 10 minutes.") @NotBlank @Size(max = 20000) String description,
        @NotNull Priority priority,
        @NotNull ServiceLine service,
        @NotNull Category category,
        Channel channel,
        @Size(max = 20000) String errorMessage,
        @Size(max = 20000) String stepsToReproduce,
        UUID organizationId,
        @Email @Size(max = 320) String requesterEmail,
        @Schema(description = "When the client actually reached us (staff logging a call or e-mail); never in the future.") Instant openedAt) {
}
