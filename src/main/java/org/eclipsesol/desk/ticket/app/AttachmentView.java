package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

/** Attachment metadata; the bytes are at {@code downloadUrl}. */
public record AttachmentView(UUID id, UUID ticketId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant createdAt, String downloadUrl) {
}
