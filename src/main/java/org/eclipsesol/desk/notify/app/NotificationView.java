package org.eclipsesol.desk.notify.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outbox row as supervisors see it. {@code event} is the notice kind (e-mail) or the event type (webhook). */
@Schema(description = "A notification (e-mail notice or webhook delivery) and its delivery state.")
public record NotificationView(UUID id, @Schema(enumeration = {
        "EMAIL", "WEBHOOK" }) String channel, String recipient,
        String subject, String event, UUID ticketId, UUID webhookId,
        @Schema(description = "The webhook-id of a webhook delivery (the event id).") String eventId,
        @Schema(enumeration = { "PENDING", "SENT", "FAILED" }) String status, int attempts, String lastError,
        Instant nextAttemptAt, Instant createdAt, Instant sentAt){
}
