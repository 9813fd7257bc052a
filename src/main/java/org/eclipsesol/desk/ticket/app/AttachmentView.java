package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** Attachment metadata; the bytes are at {@code downloadUrl}. */
@Type("Attachment")
@Description("Attachment metadata; the bytes are downloaded from downloadUrl (REST, with the same token).")
public record AttachmentView(UUID id, UUID ticketId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant createdAt, String downloadUrl) {
}
