package org.eclipsesol.desk.ticket.app;

/** An attachment's bytes with what a download response needs. */
public record AttachmentContent(String fileName, String contentType, byte[] data) {
}
