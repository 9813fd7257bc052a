package org.eclipsesol.desk.notify.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook endpoint; {@code secret} only in the answers that create it or rotate its secret. */
@Schema(description = "A webhook endpoint. The secret (whsec_<base64>) is shown only when created or rotated.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, List<String> events, UUID organizationId, boolean enabled,
        int consecutiveFailures, Instant createdAt, Instant disabledAt, String secret) {
}
