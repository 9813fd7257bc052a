package org.eclipsesol.desk.common;

/**
 * The stable problem types of the API. The {@code type} URI and the GraphQL {@code extensions.code} never
 * change once published; clients branch on them.
 */
public enum ProblemType {

    BAD_REQUEST(400, "bad-request", "Bad request", "BAD_USER_INPUT"),
    VALIDATION(400, "validation", "Invalid input",
            "BAD_USER_INPUT"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required", "UNAUTHENTICATED"),
    FORBIDDEN(
            403, "forbidden", "Not allowed",
            "FORBIDDEN"),
    NOT_FOUND(404, "not-found", "Not found", "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405,
            "method-not-allowed", "Method not allowed", "BAD_USER_INPUT"),
    NOT_ACCEPTABLE(406, "not-acceptable",
            "Not acceptable",
            "BAD_USER_INPUT"),
    CONFLICT(409, "conflict", "Conflict", "CONFLICT"),
    PAYLOAD_TOO_LARGE(413,
            "payload-too-large", "Payload too large", "BAD_USER_INPUT"),
    PRECONDITION_FAILED(
            412, "precondition-failed", "Precondition failed",
            "CONFLICT"),
    PRECONDITION_REQUIRED(428, "precondition-required",
            "Precondition required", "BAD_USER_INPUT"),
    UNSUPPORTED_MEDIA_TYPE(
            415, "unsupported-media-type", "Unsupported media type",
            "BAD_USER_INPUT"),
    UNPROCESSABLE(422, "unprocessable",
            "Unprocessable request",
            "BAD_USER_INPUT"),
    INTERNAL(500, "internal",
            "Internal error",
            "INTERNAL_SERVER_ERROR"),
    TOO_MANY_REQUESTS(
            429, "too-many-requests",
            "Too many requests",
            "RATE_LIMITED"),
    // --- faults (issue 9): the database is unavailable or too slow; always with Retry-After.
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable", "SERVICE_UNAVAILABLE");

    private static final String BASE = "https://support-desk.eclipsesol.org/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String graphqlCode;

    ProblemType(int status, String slug, String title, String graphqlCode) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.graphqlCode = graphqlCode;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public String graphqlCode() {
        return graphqlCode;
    }
}
