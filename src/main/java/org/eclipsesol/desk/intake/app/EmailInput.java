package org.eclipsesol.desk.intake.app;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inbound e-mail as the mail gateway posts it. */
@Schema(description = "An inbound e-mail. 'from' may be a bare address or 'Name <address>'.")
public record EmailInput(
        @NotBlank @Size(max = 998) String messageId,
        @Schema(examples = "Ana Alvarez <ana@acme.example>") @NotBlank @Size(max = 400) String from,
        @Size(max = 998) String subject,
        @Size(max = 100000) String text,
        Instant receivedAt,
        @Schema(description = "The gateway's SPF/DKIM/DMARC verdict: mail without true is refused (422).") Boolean authenticated,
        @Schema(description = "The Auto-Submitted header; anything but 'no' (auto-replies, bounces) is accepted with 202 and changes nothing.", examples = "auto-replied") @Size(max = 200) String autoSubmitted,
        @Schema(description = "The In-Reply-To header, with angle brackets; a reply to one of our notices threads to its ticket.", examples = "<2f0c...T-10042@support-desk.eclipsesol.org>") @Size(max = 998) String inReplyTo,
        @Schema(description = "The References header's message ids, with angle brackets.") @Size(max = 100) List<@Size(max = 998) String> references) {
}
