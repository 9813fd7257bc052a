package org.eclipsesol.desk.common;

import java.util.List;

/**
 * A failure the caller is told about as RFC 9457 problem+json. Services throw it; the REST and GraphQL
 * adapters translate it, so both doors report the same {@link ProblemType}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new Violation(field, message)));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }
}
