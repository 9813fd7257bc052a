package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
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
        @Schema(examples = "VPN drops every 10 minutes") @NotBlank @Size(max = 200) @Description("A one-line summary.") String title,
        @Schema(examples = "Since this morning the office VPN disconnects every 10 minutes.") @NotBlank @Size(max = 20000) @Description("What is wrong or what is needed.") String description,
        @NotNull @Description("The priority; it selects the SLA targets and clock.") Priority priority,
        @NotNull @Description("The service the ticket is about.") ServiceLine service,
        @NotNull @Description("What kind of help is asked for.") Category category,
        @Description("How the ticket reached us; default PORTAL (clients: PORTAL or MOBILE only).") Channel channel,
        @Size(max = 20000) @Description("An error message seen, if any.") String errorMessage,
        @Size(max = 20000) @Description("How to reproduce the problem, if known.") String stepsToReproduce,
        @Id @Description("The client organization: required from staff, refused from clients (their own is used).") UUID organizationId,
        @Email @Size(max = 320) @Description("The requester's e-mail: required from staff, refused from clients (they are the requester).") String requesterEmail,
        @Schema(description = "When the client actually reached us (staff logging a call or e-mail); never in the future.") @Description("Staff only: when the client actually reached us (logging a call or e-mail); never in the future. Default now.") Instant openedAt) {
}
