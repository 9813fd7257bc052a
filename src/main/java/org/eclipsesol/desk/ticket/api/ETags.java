package org.eclipsesol.desk.ticket.api;

import jakarta.ws.rs.core.EntityTag;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;

/** Ticket versions as strong ETags, and If-Match parsing. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an If-Match asks for; null when absent or "*". A tag we never issued cannot match: 412. */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "").trim();
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The If-Match header does not match the ticket.");
        }
    }
}
