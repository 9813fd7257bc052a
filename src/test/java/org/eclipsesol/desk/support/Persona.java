package org.eclipsesol.desk.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The callers of the authorization matrices, seen from an Acme Dental ticket: a client of the ticket's own
 * organization (who is also its requester), a client of another organization, a client without any
 * organization, a technician, a supervisor, an authenticated user without any Support Desk role, and nobody.
 */
public enum Persona {

    CLIENT_OWN_ORG(Api.ANA),
    CLIENT_OTHER_ORG(Api.CARLA),
    CLIENT_NO_ORG(Api.NORA),
    TECHNICIAN(Api.TOM),
    SUPERVISOR(
            Api.SAM),
    NO_ROLE(Api.NOBODY),
    ANONYMOUS(null);

    private final String user;

    Persona(String user) {
        this.user = user;
    }

    /** The demo user's e-mail (and token subject); null for {@link #ANONYMOUS}. */
    public String user() {
        return user;
    }

    public boolean isStaff() {
        return this == TECHNICIAN || this == SUPERVISOR;
    }

    /** A JSON request as this persona. */
    public RequestSpecification json() {
        return user == null ? Api.anonymous() : Api.as(user);
    }

    /** A request as this persona without a content type (multipart, downloads). */
    public RequestSpecification bare() {
        return user == null ? given() : Api.bare(user);
    }

    /** A request as this persona that accepts any content type. */
    public RequestSpecification anyAccept() {
        return bare().accept(ContentType.ANY);
    }
}
