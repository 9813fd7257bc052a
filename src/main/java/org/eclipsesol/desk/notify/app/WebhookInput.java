package org.eclipsesol.desk.notify.app;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook registration. */
@Schema(description = "A webhook endpoint: URL, event types, and optionally one organization's tickets only.")
public record WebhookInput(@NotBlank @Size(max = 2000) String url,
        @NotEmpty @Size(max = 20) @Schema(examples = "[\"ticket.created\", \"ticket.status_changed\"]") List<String> events,
        UUID organizationId) {
}
