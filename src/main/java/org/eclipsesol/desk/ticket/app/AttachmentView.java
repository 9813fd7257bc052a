package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Attachment metadata; the bytes are at {@code downloadUrl}. */
@Type("Attachment")
@Description("Attachment metadata; the bytes are downloaded from downloadUrl (REST, with the same token).")
public record AttachmentView(@NonNull @Id @Description("The attachment's id.") UUID id,
        @NonNull @Id @Description("The ticket it is attached to.") UUID ticketId,
        @NonNull @Description("The file name as uploaded (made safe).") String fileName,
        @NonNull @Description("The media type, e.g. image/png.") String contentType,
        @NonNull @Description("The size in bytes.") long size,
        @NonNull @Description("The SHA-256 of the bytes, hex.") String sha256,
        @NonNull @Id @Description("Who uploaded it (token subject).") String uploadedBy,
        @NonNull @Description("When it was uploaded.") Instant createdAt,
        @NonNull @Description("Where to download the bytes (REST GET, with the same token).") String downloadUrl) {
}
